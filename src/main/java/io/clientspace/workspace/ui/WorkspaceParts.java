package io.clientspace.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.Tabs;
import io.clientspace.client.AccessRequestResult;
import io.clientspace.shared.live.ClientChanges;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;

/** Pieces the client and the project workspace share: the tab strip, live refresh, header facts, access requests. */
final class WorkspaceParts {

    private WorkspaceParts() {
    }

    /** The tab strip over a content area; the first tab shows at once, the others load when first opened. */
    static final class TabStrip {
        final Tabs tabs = new Tabs();
        final Div content = new Div();
        final List<WorkspaceTab<?>> all;

        TabStrip(List<WorkspaceTab<?>> all) {
            this.all = all;
            tabs.setId("workspace-tabs");
            tabs.setWidthFull();
            content.addClassName("workspace-content");
            content.setWidthFull();
            for (WorkspaceTab<?> tab : all) {
                tabs.add(tab.tab());
                tab.refreshCounter();
            }
            tabs.addSelectedChangeListener(e -> {
                content.removeAll();
                all.stream().filter(t -> t.tab() == e.getSelectedTab()).findFirst().ifPresent(t -> {
                    content.add(t);
                    t.showFirstTime();
                });
            });
            content.add(all.get(0));
            all.get(0).showFirstTime();
        }

        /**
         * Opens a tab by its id, with a filter after a colon: "tasks:overdue" opens Tasks showing only overdue ones.
         */
        void open(String target) {
            String[] parts = target.split(":", 2);
            all.stream().filter(t -> t.getId().orElse("").equals("tab-content-" + parts[0])).findFirst()
                    .ifPresent(t -> {
                        t.showFiltered(parts.length > 1 ? parts[1] : null);
                        tabs.setSelectedTab(t.tab());
                    });
        }

        void refreshCounters() {
            all.forEach(WorkspaceTab::refreshCounter);
        }

        /** After someone else's change: counters, and the list on show, without a loading flicker. */
        void refreshAll() {
            all.forEach(WorkspaceTab::refreshCounter);
            all.forEach(WorkspaceTab::refreshIfShown);
        }
    }

    /**
     * Runs {@code refresh} in the page's UI whenever anyone, on any node, changes the client. The queries run as the
     * viewer, whose security context the listener thread does not have. Close the result when the page detaches.
     */
    static AutoCloseable live(ClientChanges changes, UUID clientId, Runnable refresh) {
        UI ui = UI.getCurrent();
        var security = SecurityContextHolder.getContext();
        return changes.subscribe(clientId, id -> ui.access(() -> {
            var previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(security);
            try {
                refresh.run();
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }));
    }

    static void close(AutoCloseable subscription) {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // closing a subscription only removes it from a map
            }
        }
    }

    /** One labelled fact in a workspace header. */
    static void fact(Div facts, VaadinIcon icon, String label, Component value) {
        var i = icon.create();
        i.addClassName("fact-icon");
        Span l = new Span(label);
        l.addClassName("fact-label");
        Div fact = new Div(i, l, value);
        fact.addClassName("fact");
        facts.add(fact);
    }

    /**
     * An "ask for access" button; the answer replaces it, so nobody asks twice by accident.
     *
     * @param answerKeyPrefix the answer's key is this prefix plus the result's name, with the owner's name as {0}
     */
    static Component requestAccess(Supplier<AccessRequestResult> request, String answerKeyPrefix, String ownerName) {
        Div box = new Div();
        box.addClassName("centered");
        Button ask = new Button(box.getTranslation("workspace.request-access"), VaadinIcon.ENVELOPE_O.create());
        ask.setId("request-access");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ask.addClickListener(e -> {
            Span answer = new Span(box.getTranslation(answerKeyPrefix + request.get().name(), ownerName));
            answer.setId("request-access-result");
            box.removeAll();
            box.add(answer);
        });
        box.add(ask);
        return box;
    }

    /** A date, or the date of an instant in the app's time zone, as the user's language writes it; "" for null. */
    static String date(java.util.Locale locale, java.time.ZoneId zone, java.time.temporal.TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        var formatter = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(locale);
        return value instanceof java.time.Instant i ? formatter.format(i.atZone(zone))
                : formatter.format(value);
    }

    /**
     * Adds "Showing the first n" under a list that a service cut at its limit (the tab's counter stays exact); adds
     * nothing to a shorter list.
     */
    static void limitNote(Div box, int rows, int limit) {
        if (rows >= limit) {
            Span note = new Span(box.getTranslation("workspace.limited", limit));
            note.addClassName("muted");
            note.addClassName("list-limited");
            box.add(note);
        }
    }

    static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
