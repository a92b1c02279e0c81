package io.clientspace.shared.ui.tabs;

import io.clientspace.shared.ui.States;
import java.util.ArrayDeque;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.clientspace.shared.ui.AsyncLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import io.clientspace.support.CurrentUi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A workspace tab's states: loading, data, empty, error with retry, and hidden. */
@ExtendWith(CurrentUi.class)
class WorkspaceTabUnitTests {

    /** Runs queued queries when told to, oldest first, so the loading state can be seen in between. */
    static class ManualLoader extends AsyncLoader {
        final ArrayDeque<Runnable> pending = new ArrayDeque<>();

        @Override
        public <T> void load(Component owner, Supplier<T> query, Consumer<T> onResult, Consumer<Throwable> onError) {
            // asked now, answered when told: an answer holds the data as it was when its query ran
            try {
                T result = query.get();
                pending.add(() -> onResult.accept(result));
            } catch (RuntimeException e) {
                pending.add(() -> onError.accept(e));
            }
        }

        void finish() {
            pending.remove().run();
        }

        /** Answers the newest query first, as a busy pool may. */
        void finishNewest() {
            pending.removeLast().run();
        }
    }

    ManualLoader loader = new ManualLoader();

    /** The smallest tab: a list of names in a grid, its counter a fixed 2. */
    static class NamesTab extends WorkspaceTab<List<String>> {
        private final Supplier<List<String>> fetch;
        private final boolean permitted;

        NamesTab(AsyncLoader loader, Supplier<List<String>> fetch, boolean permitted) {
            super("files", "workspace.tab.files", loader);
            this.fetch = fetch;
            this.permitted = permitted;
        }

        @Override
        protected long count() {
            return 2;
        }

        @Override
        protected List<String> fetch() {
            return fetch.get();
        }

        @Override
        protected boolean isEmpty(List<String> data) {
            return data.isEmpty();
        }

        @Override
        protected Component render(List<String> data) {
            Grid<String> grid = new Grid<>();
            grid.addColumn(s -> s);
            grid.setItems(data);
            return grid;
        }

        @Override
        protected Component emptyState() {
            return States.empty(VaadinIcon.FILE_O, "none", "nothing here", null);
        }

        @Override
        protected String loadingKey() {
            return "files.loading";
        }

        @Override
        protected boolean permitted() {
            return permitted;
        }
    }

    NamesTab tab(Supplier<List<String>> fetch, boolean permitted) {
        return new NamesTab(loader, fetch, permitted);
    }

    @Test
    void theTabShowsItsLabelAndItsCounterOnceCountedALockWhenHiddenAndAWarningWhenTheCountFails() {
        var tab = tab(List::of, true);
        assertThat(counter(tab)).as("not counted yet").isEmpty();
        String label = tab.getTranslation("workspace.tab.files");
        assertThat(tabText(tab)).isEqualTo(label.replace(" ", ""));

        tab.refreshCounter();
        loader.finish();
        assertThat(counter(tab)).isEqualTo("2");
        assertThat(tabText(tab)).isEqualTo(label.replace(" ", "") + "2");

        var hidden = tab(List::of, false);
        hidden.refreshCounter();
        assertThat(counterElement(hidden).select("vaadin-icon").attr("icon")).isEqualTo("vaadin:lock");
        assertThat(counterElement(hidden).attr("title")).isEqualTo(hidden.getTranslation("workspace.hidden.title"));

        var failing = new NamesTab(loader, List::of, true) {
            @Override
            protected long count() {
                throw new IllegalStateException("the database is away");
            }
        };
        failing.refreshCounter();
        loader.finish();
        assertThat(counterElement(failing).select("vaadin-icon").attr("icon")).isEqualTo("vaadin:warning");
        assertThat(counterElement(failing).attr("title")).isEqualTo(failing.getTranslation("workspace.error.title"));
    }

    private static org.jsoup.nodes.Element counterElement(NamesTab tab) {
        return org.jsoup.Jsoup.parseBodyFragment(tab.tab().getElement().getProperty("innerHTML")).body()
                .selectFirst("#count-files.tab-counter");
    }

    private static String counter(NamesTab tab) {
        return counterElement(tab).text();
    }

    private static String tabText(NamesTab tab) {
        return org.jsoup.Jsoup.parseBodyFragment(tab.tab().getElement().getProperty("innerHTML")).body().text()
                .replace(" ", "");
    }

    @Test
    void showsLoadingThenTheRows() {
        var tab = tab(() -> List.of("a.pdf", "b.pdf"), true);
        tab.reload();
        loader.finish(); // the counter
        assertThat(classes(tab)).contains("state-loading");

        loader.finish();
        assertThat(classes(tab)).doesNotContain("state-loading");
        assertThat(descendants(tab).filter(Grid.class::isInstance)).hasSize(1);
    }

    @Test
    void showsTheEmptyState() {
        var tab = tab(List::of, true);
        tab.reload();
        loader.finish();
        loader.finish();
        assertThat(classes(tab)).contains("state-empty");
    }

    @Test
    void aFailedLoadShowsAnErrorWithRetryThatLoadsAgain() {
        AtomicBoolean broken = new AtomicBoolean(true);
        var tab = tab(() -> {
            if (broken.get()) {
                throw new IllegalStateException("database unreachable");
            }
            return List.of("a.pdf");
        }, true);
        tab.reload();
        loader.finish();
        loader.finish();
        assertThat(classes(tab)).contains("state-error");

        broken.set(false);
        descendants(tab).filter(Button.class::isInstance).map(Button.class::cast).findFirst().orElseThrow().click();
        loader.finish();
        loader.finish();
        assertThat(classes(tab)).doesNotContain("state-error");
        assertThat(descendants(tab).filter(Grid.class::isInstance)).hasSize(1);
    }

    @Test
    void withoutPermissionItShowsTheHiddenStateAndNeverQueries() {
        AtomicBoolean queried = new AtomicBoolean();
        var tab = tab(() -> {
            queried.set(true);
            return List.of();
        }, false);
        tab.reload();
        assertThat(loader.pending).isEmpty();
        assertThat(classes(tab)).contains("state-hidden");
        assertThat(queried).isFalse();
    }

    @Test
    void aLiveRefreshWithTheSameRowsLeavesTheListUnderThePointerAndNewRowsReplaceIt() {
        List<String> rows = new ArrayList<>(List.of("a.pdf", "b.pdf"));
        var tab = tab(() -> List.copyOf(rows), true);
        UI.getCurrent().add(tab);
        tab.showFirstTime();
        loader.finish();
        loader.finish();
        Component first = grid(tab);

        tab.refreshIfShown(); // our own change, heard back from the database
        loader.finish();
        assertThat(grid(tab)).as("the same rows: the grid and its buttons stay").isSameAs(first);

        rows.add("c.pdf"); // somebody else's change
        tab.refreshIfShown();
        loader.finish();
        assertThat(grid(tab)).as("new rows: drawn again").isNotSameAs(first);
    }

    @Test
    void ourOwnChangeHeardBackFirstIsNotDrawnTwiceAndAnOlderAnswerNeverOverwritesANewerOne() {
        List<String> rows = new ArrayList<>(List.of("a.pdf"));
        var tab = tab(() -> List.copyOf(rows), true);
        UI.getCurrent().add(tab);
        tab.showFirstTime();
        loader.finish();
        loader.finish();

        rows.add("b.pdf"); // the user uploads: the tab reloads, and the database's notice brings a refresh too
        tab.reload();
        tab.refreshIfShown();
        loader.finishNewest(); // the refresh answers first and draws the new rows
        Component drawn = grid(tab);
        loader.finish(); // the counter
        loader.finish(); // the reload's answer: the same rows
        assertThat(grid(tab)).as("drawn once; the buttons under the pointer stay").isSameAs(drawn);

        rows.add("c.pdf");
        tab.refreshIfShown(); // asked with three rows
        rows.add("d.pdf");
        tab.refreshIfShown(); // asked with four rows
        loader.finishNewest(); // the newer answer first
        Component newest = grid(tab);
        loader.finish(); // then the older one
        assertThat(grid(tab)).as("an older answer is dropped").isSameAs(newest);
    }

    private static Component grid(Component tab) {
        return descendants(tab).filter(Grid.class::isInstance).findFirst().orElseThrow();
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(WorkspaceTabUnitTests::descendants));
    }

    private static List<String> classes(Component c) {
        return descendants(c).flatMap(x -> x.getElement().getClassList().stream()).toList();
    }
}
