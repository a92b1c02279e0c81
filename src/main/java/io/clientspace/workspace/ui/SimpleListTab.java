package io.clientspace.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.States;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A tab that lists rows in a grid; the columns and queries are given by the workspace. */
class SimpleListTab<R> extends WorkspaceTab<List<R>> {

    private final Supplier<Long> count;
    private final Supplier<List<R>> fetch;
    private final Consumer<Grid<R>> columns;
    private final String key;
    private final VaadinIcon emptyIcon;
    private final Supplier<Boolean> permitted;

    SimpleListTab(String id, String key, VaadinIcon emptyIcon, AsyncLoader loader, Supplier<Boolean> permitted,
                  Supplier<Long> count, Supplier<List<R>> fetch, Consumer<Grid<R>> columns) {
        super(id, "workspace.tab." + id, loader);
        this.key = key;
        this.emptyIcon = emptyIcon;
        this.permitted = permitted;
        this.count = count;
        this.fetch = fetch;
        this.columns = columns;
    }

    @Override
    protected long count() {
        return count.get();
    }

    @Override
    protected List<R> fetch() {
        return fetch.get();
    }

    @Override
    protected boolean isEmpty(List<R> data) {
        return data.isEmpty();
    }

    @Override
    protected boolean permitted() {
        return permitted.get();
    }

    @Override
    protected String loadingKey() {
        return key + ".loading";
    }

    @Override
    protected Component emptyState() {
        return States.empty(emptyIcon, getTranslation(key + ".none.title"), getTranslation(key + ".none.text"), null);
    }

    @Override
    protected Component hiddenState() {
        return States.hidden(getTranslation(key + ".hidden.title"), getTranslation(key + ".hidden.text"));
    }

    @Override
    protected Component render(List<R> data) {
        Grid<R> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        columns.accept(grid);
        grid.setItems(data);
        return grid;
    }

    static String date(java.util.Locale locale, ZoneId zone, TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        var formatter = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return value instanceof java.time.Instant i ? formatter.format(i.atZone(zone))
                : formatter.format(value);
    }
}
