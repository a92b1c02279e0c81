package io.clientspace.shared.ui.tabs;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tabs;
import java.util.List;
import java.util.Optional;

/**
 * The tab strip over a content area; the first tab shows at once, the others load when first opened. It is also the
 * {@link TabContext.Shell} its tabs open each other through, so it exists before the tabs do: create it, create the
 * tabs with it as their shell, then {@link #show} them.
 */
public final class TabStrip implements TabContext.Shell {

    private final Tabs tabs = new Tabs();
    private final Div content = new Div();
    private List<WorkspaceTab<?>> all = List.of();

    public TabStrip() {
        tabs.setId("workspace-tabs");
        tabs.setWidthFull();
        content.addClassName("workspace-content");
        content.setWidthFull();
        tabs.addSelectedChangeListener(e -> {
            content.removeAll();
            all.stream().filter(t -> t.tab() == e.getSelectedTab()).findFirst().ifPresent(t -> {
                content.add(t);
                t.showFirstTime();
            });
        });
    }

    /** Puts the tabs in the strip, in this order, and shows the first. */
    public void show(List<WorkspaceTab<?>> tabsInOrder) {
        this.all = List.copyOf(tabsInOrder);
        for (WorkspaceTab<?> tab : all) {
            tabs.add(tab.tab());
            tab.refreshCounter();
        }
        if (!all.isEmpty()) {
            content.add(all.get(0));
            all.get(0).showFirstTime();
        }
    }

    public Tabs tabs() {
        return tabs;
    }

    public Div content() {
        return content;
    }

    @Override
    public boolean has(String tabId) {
        return find(tabId).isPresent();
    }

    @Override
    public void open(String tabId, String argument) {
        find(tabId).ifPresent(t -> {
            t.openWith(argument);
            tabs.setSelectedTab(t.tab());
        });
    }

    /**
     * Opens a tab from a link or the checklist: the tab's id, with an argument after a colon ("tasks:overdue" opens
     * Tasks showing only overdue ones).
     */
    public void open(String target) {
        String[] parts = target.split(":", 2);
        open(parts[0], parts.length > 1 ? parts[1] : null);
    }

    public void refreshCounters() {
        all.forEach(WorkspaceTab::refreshCounter);
    }

    /** After someone else's change: counters, and the list on show, without a loading flicker. */
    public void refreshAll() {
        all.forEach(WorkspaceTab::refreshCounter);
        all.forEach(WorkspaceTab::refreshIfShown);
    }

    private Optional<WorkspaceTab<?>> find(String tabId) {
        return all.stream().filter(t -> t.tabId().equals(tabId)).findFirst();
    }
}
