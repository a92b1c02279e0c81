package io.clientspace.shared.ui;

import com.vaadin.flow.component.grid.Grid;
import io.clientspace.shared.FirstRows;
import java.util.List;

/**
 * How long a grid of a workspace tab grows. A short list shows whole, with the page's scroll bar; a long one (a busy
 * client's hundreds of deals) scrolls inside a fixed height, so the browser is sent and draws only the rows in view
 * instead of every row at once (issue 19 §5: the busy client's Deals tab sent 1.5 MB and took seconds to draw).
 */
public final class Grids {

    /** Up to this many rows a grid shows every row; past it, it scrolls within {@link #LONG_LIST_HEIGHT}. */
    public static final int WHOLE_LIST_ROWS = 50;
    static final String LONG_LIST_HEIGHT = "min(70vh, 42rem)";

    private Grids() {
    }

    /** Sets the grid's rows and its height for that many rows. */
    public static <T> void show(Grid<T> grid, List<T> rows) {
        grid.setItems(rows);
        fit(grid, rows.size());
    }

    /** One page of a list: rows {@code offset} to {@code offset + limit}. */
    @FunctionalInterface
    public interface Pages<T> {
        List<T> page(int offset, int limit);
    }

    /**
     * Sets a list of {@code first.length()} rows that the grid fetches a page at a time as the user scrolls, so the
     * server holds only the pages in view (DD039), and the grid's height for that many rows. The rows {@code first}
     * holds (loaded with the view, off the UI thread) serve the pages they cover; {@code pages} fetches the others,
     * on whichever thread answers the browser, always as {@code user}. The service behind {@code pages} checks who may
     * see the rows.
     */
    public static <T> void showPaged(Grid<T> grid, FirstRows<T> first, SignedIn user, Pages<T> pages) {
        int rows = (int) Math.min(Integer.MAX_VALUE, first.length());
        grid.setItems(query -> {
            List<T> held = first.rowsIfHeld(query.getOffset(), query.getLimit());
            return (held != null ? held : user.call(() -> pages.page(query.getOffset(), query.getLimit()))).stream();
        }, query -> rows);
        fit(grid, rows);
    }

    private static void fit(Grid<?> grid, int rows) {
        boolean whole = rows <= WHOLE_LIST_ROWS;
        grid.setAllRowsVisible(whole);
        grid.setHeight(whole ? null : LONG_LIST_HEIGHT);
    }
}
