package io.clientspace.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.clientspace.portal.PortalDashboard;
import io.clientspace.portal.PortalWaiting;
import io.clientspace.shared.ui.States;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The dashboard on the portal's start page: one line per thing that waits for the contact, most urgent first, each
 * saying in the client's words that it is their turn and by when, and linking to the item's own page. Its classes
 * are its own: the pages' cards (portal-acceptance-card and the like) stay on their pages.
 */
final class PortalDashboardPage {

    private final PortalDashboard dashboard;
    private final PortalPages pages;
    private final Clock clock;

    PortalDashboardPage(PortalDashboard dashboard, PortalPages pages, Clock clock) {
        this.dashboard = dashboard;
        this.pages = pages;
        this.clock = clock;
    }

    Component waiting() {
        Div section = new Div();
        section.setId("portal-dashboard");
        section.addClassName("portal-dashboard");
        section.add(new H2(t("portal.dashboard.title")));
        section.add(pages.async(() -> dashboard.waiting(pages.viewer()), this::lines));
        return section;
    }

    private Component lines(List<PortalWaiting> list) {
        if (list.isEmpty()) {
            Component empty = States.empty(VaadinIcon.CHECK_CIRCLE_O, t("portal.dashboard.none.title"),
                    t("portal.dashboard.none.text"), null);
            empty.setId("portal-dashboard-empty");
            return empty;
        }
        Div lines = new Div();
        lines.setId("portal-dashboard-lines");
        lines.addClassName("portal-dashboard-lines");
        for (PortalWaiting w : list) {
            lines.add(line(w));
        }
        return lines;
    }

    private Component line(PortalWaiting w) {
        Span kind = new Span(t("portal.dashboard.kind." + w.kind().name()));
        kind.addClassName("portal-dashboard-kind");
        Span title = new Span(w.reference() == null ? w.title() : w.reference() + " · " + w.title());
        title.addClassName("portal-dashboard-title");
        Span turn = new Span(turn(w));
        turn.addClassName("portal-dashboard-turn");
        Anchor a = new Anchor(w.path(), kind, title, turn);
        a.addClassName("portal-dashboard-item");
        a.addClassName("portal-dashboard-" + w.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (w.dueSoon()) {
            a.addClassName("portal-due-soon");
        }
        a.getElement().setAttribute("data-kind", w.kind().name());
        return a;
    }

    /** Whose turn it is, in the client's words. */
    String turn(PortalWaiting w) {
        return switch (w.kind()) {
            case REQUEST_QUESTION -> t("portal.dashboard.line.REQUEST_QUESTION", date(w.since()));
            case REQUEST_CONFIRM -> t("portal.dashboard.line.REQUEST_CONFIRM", date(w.due()));
            case INFORMATION_REQUEST -> w.due() == null
                    ? t("portal.dashboard.line.INFORMATION_REQUEST", w.open(), w.total())
                    : t("portal.dashboard.line.INFORMATION_REQUEST_DUE", w.open(), w.total(), date(w.due()));
            case ACCEPTANCE -> t("portal.dashboard.line.ACCEPTANCE", dateTime(w.due()));
            case PROPOSAL -> w.due() == null ? t("portal.dashboard.line.PROPOSAL_NO_DATE")
                    : t("portal.dashboard.line.PROPOSAL", date(w.due()));
        };
    }

    private String date(Instant at) {
        return at == null ? "" : pages.date(at);
    }

    private String dateTime(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(PortalPages.locale()).format(at.atZone(clock.getZone()));
    }

    private String t(String key, Object... args) {
        return pages.t(key, args);
    }
}
