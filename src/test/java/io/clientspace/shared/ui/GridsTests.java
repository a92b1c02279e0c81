package io.clientspace.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GridsTests {

    @Test
    void aShortListShowsWholeAndALongOneScrollsInsideAFixedHeight() {
        Grid<Integer> grid = new Grid<>();

        Grids.show(grid, rows(Grids.WHOLE_LIST_ROWS));
        assertThat(grid.isAllRowsVisible()).isTrue();
        assertThat(grid.getHeight()).isNull();

        Grids.show(grid, rows(Grids.WHOLE_LIST_ROWS + 1));
        assertThat(grid.isAllRowsVisible()).as("a busy client's list is not drawn all at once").isFalse();
        assertThat(grid.getHeight()).isEqualTo(Grids.LONG_LIST_HEIGHT);
        assertThat(grid.getGenericDataView().getItems().count()).isEqualTo(Grids.WHOLE_LIST_ROWS + 1);

        // filtered down again (e.g. "Open" instead of "All"), it shows whole once more
        Grids.show(grid, rows(3));
        assertThat(grid.isAllRowsVisible()).isTrue();
        assertThat(grid.getHeight()).isNull();
    }

    private static List<Integer> rows(int n) {
        return IntStream.range(0, n).boxed().toList();
    }
}
