package io.clientspace.shared.ui.tabs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.Tab;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.LitTexts;
import io.clientspace.shared.ui.States;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One tab of a client or project workspace: a label with a live counter, and content that loads on first view and
 * shows its loading, empty, error and permission-hidden states. A module contributes its tab through a
 * {@link WorkspaceTabProvider} bean; see docs/decisions/DD011-ui-owned-by-modules.md.
 */
public abstract class WorkspaceTab<T> extends Div {

    private final String tabId;
    private final Tab tab = new Tab();
    /** The tab's label, escaped for markup. */
    private final String label;
    protected final AsyncLoader loader;
    private boolean loadedOnce;
    /** What the content shows now, to leave it alone when a refresh brings the same rows. */
    private Object shown;
    /** Whether the content is rows (not loading, error or hidden). */
    private boolean showingData;
    /** Queries are numbered as they are asked; an answer older than the one drawn is dropped. */
    private long requested;
    private long drawn;
    private String filter;

    /**
     * @param id       the tab's id, used in element ids ("tab-" + id) and in links ("?tab=" + id)
     * @param labelKey the translation key of the tab's label
     */
    protected WorkspaceTab(String id, String labelKey, AsyncLoader loader) {
        this.loader = loader;
        this.tabId = id;
        setId("tab-content-" + id);
        addClassName("workspace-tab");
        tab.setId("tab-" + id);
        label = LitTexts.text(getTranslation(labelKey));
        drawTab("", null);
    }

    /**
     * The tab's label and counter, as the tab's own markup: one element on the server where a label, a counter and
     * their texts were five (issue 19 §6). The counter is {@code #count-<id>}, with a title when it shows an icon.
     *
     * @param counterMarkup the counter's content, escaped text or an icon
     */
    private void drawTab(String counterMarkup, String title) {
        tab.getElement().setProperty("innerHTML", "<span>" + label + "</span><span id=\"count-" + tabId
                + "\" class=\"tab-counter\" theme=\"badge pill small contrast\""
                + (title == null ? "" : " title=\"" + LitTexts.text(title) + "\"") + ">" + counterMarkup + "</span>");
    }

    /** The tab's id, as given to the constructor. */
    public String tabId() {
        return tabId;
    }

    Tab tab() {
        return tab;
    }

    /** The counter's own query: one indexed count. */
    protected abstract long count();

    protected abstract T fetch();

    /** What the counter shows, loaded off the UI thread; by default {@link #count()}. */
    protected Object counterValue() {
        return count();
    }

    /** The counter's text for {@link #counterValue()}, made in the UI thread. */
    protected String counterText(Object value) {
        return String.valueOf(value);
    }

    /**
     * Whether {@code data} calls for the empty state instead of {@link #render}; by default, an empty collection.
     * A tab whose content shows either way (a form, a filter with a way back) says so here.
     */
    protected boolean isEmpty(T data) {
        return data instanceof java.util.Collection<?> c && c.isEmpty();
    }

    protected abstract Component render(T data);

    protected abstract Component emptyState();

    protected abstract String loadingKey();

    /** Whether the current user may see this tab's content; otherwise the hidden state shows instead. */
    protected boolean permitted() {
        return true;
    }

    protected Component hiddenState() {
        return States.hidden(getTranslation("workspace.hidden.title"), getTranslation("workspace.hidden.text"));
    }

    public void refreshCounter() {
        if (!permitted()) {
            drawTab(LitTexts.icon(VaadinIcon.LOCK), getTranslation("workspace.hidden.title"));
            return;
        }
        load(this::counterValue, v -> drawTab(LitTexts.text(counterText(v)), null),
                e -> drawTab(LitTexts.icon(VaadinIcon.WARNING), getTranslation("workspace.error.title")));
    }

    public void showFirstTime() {
        if (!loadedOnce) {
            loadedOnce = true;
            reload();
        }
    }

    /**
     * Shows only the rows that match a filter the tab knows (see {@link #filterLabelKey}), e.g. when the user follows
     * a count on the review panel; an unknown filter shows everything.
     */
    public void showFiltered(String filter) {
        this.filter = filterLabelKey(filter) == null ? null : filter;
        loadedOnce = true;
        reload();
    }

    /** The filter in force, or null for all rows. */
    protected String filter() {
        return filter;
    }

    /** The translation key that names a filter this tab can apply, or null when it cannot. */
    protected String filterLabelKey(String filter) {
        return null;
    }

    /** A line that says which filter is on, with a way back to every row; null when no filter is on. */
    protected Component filterBar() {
        if (filter == null) {
            return null;
        }
        Span label = new Span(getTranslation("workspace.filter.showing", getTranslation(filterLabelKey(filter))));
        label.getElement().getThemeList().addAll(List.of("badge", "contrast"));
        Button clear = new Button(getTranslation("workspace.filter.clear"), VaadinIcon.CLOSE_SMALL.create(), e -> {
            filter = null;
            reload();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        clear.setId(getId().orElse("tab") + "-clear-filter");
        Div bar = new Div(label, clear);
        bar.addClassName("filter-bar");
        bar.setId(getId().orElse("tab") + "-filter");
        return bar;
    }

    /** Reloads the content and the counter, e.g. after the user created something. */
    public void reload() {
        refreshCounter();
        removeAll();
        showingData = false;
        if (!permitted()) {
            add(hiddenState());
            return;
        }
        add(States.loading(getTranslation(loadingKey())));
        long ticket = ++requested;
        load(this::fetch, data -> {
            // a live refresh asked later may have drawn these rows already (our own change, heard back from the
            // database); drawing them again would replace the buttons under the user's pointer
            if (ticket < drawn || (showingData && Objects.equals(data, shown))) {
                return;
            }
            show(data, ticket);
        }, error -> {
            if (ticket < drawn) {
                return;
            }
            shown = null;
            showingData = false;
            drawn = ticket;
            removeAll();
            if (error instanceof NoAccessException) {
                add(hiddenState());
            } else {
                add(States.error(getTranslation("workspace.error.title"), getTranslation("workspace.error.text"),
                        this::reload, getTranslation("action.retry")));
            }
        });
    }

    /**
     * Someone changed the client: when this tab is showing, its list is fetched again and swapped in without a
     * loading state, so the page does not flicker under the user. Tabs that are busy (an upload on its way) skip it,
     * and so does a refresh that brings the rows already on show, or that an answer to a later query overtook.
     */
    public void refreshIfShown() {
        if (!loadedOnce || !isAttached() || !permitted() || isBusy()) {
            return;
        }
        long ticket = ++requested;
        load(this::fetch, data -> {
            if (isBusy() || ticket < drawn || Objects.equals(data, shown)) {
                return;
            }
            show(data, ticket);
        }, error -> {
            // the next change or a reload tries again; the list the user sees stays
        });
    }

    private void show(T data, long ticket) {
        removeAll();
        shown = data;
        showingData = true;
        drawn = ticket;
        add(isEmpty(data) ? emptyState() : render(data));
    }

    /** Whether the tab is in the middle of something a redraw would cut off. */
    protected boolean isBusy() {
        return false;
    }

    /**
     * Opens this tab on behalf of another tab or a link, with an argument the tab understands: by default a filter
     * (see {@link #showFiltered}). A tab that offers an action to others (such as "a new proposal for this deal")
     * overrides this and documents its arguments.
     */
    public void openWith(String argument) {
        showFiltered(argument);
    }

    private <R> void load(Supplier<R> query, Consumer<R> ok, Consumer<Throwable> failed) {
        // the tab header is on the page even while this content is not, so the counter always has a UI to go to
        loader.load(tab, query, ok, failed);
    }
}
