package io.clientspace.portal.ui;

import io.clientspace.acceptance.AcceptanceNavigation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.acceptance.AcceptOutcome;
import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.acceptance.AcceptanceStatus;
import io.clientspace.acceptance.CustomerAcceptance;
import io.clientspace.portal.PortalAcceptances;
import io.clientspace.security.RequestOrigin;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.Downloads;
import io.clientspace.shared.ui.States;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The portal's Acceptances: cards of what waits for the customer's acceptance (a deadline within 48 hours in
 * amber), and one acceptance with the document as a preview and a download, and the form to accept it by typing
 * one's name. What the page shows is what the server enforces; the form is only an offer.
 */
final class PortalAcceptancePages {

    /** A pending deadline this close is shown in amber. */
    static final Duration DUE_SOON = Duration.ofHours(48);

    private final PortalPages pages;
    private final PortalAcceptances acceptances;
    private final Clock clock;

    PortalAcceptancePages(PortalPages pages, PortalAcceptances acceptances, Clock clock) {
        this.pages = pages;
        this.acceptances = acceptances;
        this.clock = clock;
    }

    static String path(UUID acceptanceId) {
        return AcceptanceNavigation.portalPage(acceptanceId);
    }

    /**
     * The cards, newest first.
     *
     * @param open null to link each card to its page; otherwise opens it in place (a manager's preview)
     */
    Component list(Consumer<UUID> open) {
        Div page = pages.page("portal-acceptances");
        page.add(new H1(t("portal.acceptances.title")));
        page.add(pages.async(() -> acceptances.list(pages.viewer()), list -> {
            if (list.isEmpty()) {
                return States.empty(VaadinIcon.CHECK_SQUARE_O, t("portal.acceptances.none.title"),
                        t("portal.acceptances.none.text"), null);
            }
            Div cards = new Div();
            cards.addClassName("portal-cards");
            list.forEach(a -> cards.add(card(a, open)));
            return cards;
        }));
        return page;
    }

    private Component card(CustomerAcceptance a, Consumer<UUID> open) {
        H3 title = new H3(a.documentTitle());
        Span version = new Span(t("portal.acceptance.version", a.versionNumber(), a.fileName()));
        version.addClassName("portal-card-text");
        Div dates = new Div(line("portal.acceptance.sent", pages.date(a.sentAt())),
                line(a.status() == AcceptanceStatus.ACCEPTED ? "portal.acceptance.accepted-on"
                        : "portal.acceptance.deadline", a.status() == AcceptanceStatus.ACCEPTED
                        ? pages.date(a.acceptedAt()) : dateTime(a.expiresAt())));
        dates.addClassName("portal-card-dates");
        Span action = new Span(t(a.status() == AcceptanceStatus.PENDING ? "portal.acceptance.review"
                : "portal.acceptance.view"));
        action.addClassName("portal-card-action");
        Div head = new Div(title, badge(a.status()));
        head.addClassName("portal-card-head");
        Component card;
        if (open == null) {
            Anchor link = new Anchor(path(a.id()), head, version, dates, action);
            card = link;
        } else {
            Div d = new Div(head, version, dates, action);
            d.addClickListener(e -> open.accept(a.id()));
            card = d;
        }
        card.addClassName("portal-card");
        card.addClassName("portal-acceptance-card");
        if (dueSoon(a)) {
            card.addClassName("portal-due-soon");
        }
        return card;
    }

    /** One acceptance: the document, its fingerprint, the deadline and, while pending, the way to accept it. */
    Component detail(UUID acceptanceId, Component back) {
        Div page = pages.page("portal-acceptance");
        page.add(pages.async(() -> acceptances.get(pages.viewer(), acceptanceId), a -> {
            Div box = new Div();
            if (back != null) {
                box.add(back);
            }
            H1 title = new H1(a.documentTitle());
            title.setId("portal-acceptance-title");
            Div head = new Div(title, badge(a.status()));
            head.addClassName("portal-acceptance-head");
            box.add(head);

            Div facts = new Div();
            facts.addClassName("portal-facts");
            facts.add(fact("acceptance-version", "portal.acceptance.version-label",
                    t("portal.acceptance.version", a.versionNumber(), a.fileName())));
            facts.add(fact("acceptance-sent", "portal.acceptance.sent-by", t("portal.acceptance.sent-by-value",
                    a.sentByName(), pages.date(a.sentAt()))));
            Div deadline = fact("acceptance-deadline", "portal.acceptance.deadline", dateTime(a.expiresAt()));
            if (dueSoon(a)) {
                deadline.addClassName("portal-due-soon");
            }
            facts.add(deadline);
            Div sha = fact("acceptance-sha256", "portal.acceptance.fingerprint", a.sha256());
            sha.addClassName("portal-fingerprint");
            facts.add(sha);
            box.add(facts);

            box.add(document(a));
            box.add(decision(a));
            return box;
        }));
        return page;
    }

    private Component document(CustomerAcceptance a) {
        Div box = new Div();
        box.addClassName("portal-acceptance-document");
        Button download = new Button(t("portal.acceptance.download"), VaadinIcon.DOWNLOAD_ALT.create(),
                e -> Downloads.start(UI.getCurrent(), acceptances.link(pages.viewer(), a.id(), false)));
        download.setId("acceptance-download");
        download.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        if (!a.previewable()) {
            Paragraph none = new Paragraph(t("portal.acceptance.no-preview"));
            none.addClassName("muted");
            box.add(none, download);
            return box;
        }
        String link = acceptances.link(pages.viewer(), a.id(), true);
        Component preview;
        if ("application/pdf".equals(a.contentType())) {
            IFrame frame = new IFrame(link);
            frame.setTitle(t("portal.acceptance.preview-of", a.documentTitle()));
            preview = frame;
        } else {
            preview = new Image(link, t("portal.acceptance.preview-of", a.documentTitle()));
        }
        preview.getElement().setAttribute("id", "acceptance-preview");
        preview.getElement().getClassList().add("portal-preview");
        box.add(preview, download);
        return box;
    }

    private Component decision(CustomerAcceptance a) {
        Div box = new Div();
        box.setId("acceptance-decision");
        box.addClassName("portal-decision");
        switch (a.status()) {
            case ACCEPTED -> box.add(outcome(VaadinIcon.CHECK_CIRCLE, "portal-outcome-accepted",
                    t("portal.acceptance.accepted-by", a.acceptedName(), dateTime(a.acceptedAt()))));
            case EXPIRED -> box.add(outcome(VaadinIcon.CLOCK, "portal-outcome-expired",
                    t("portal.acceptance.expired-text", dateTime(a.expiresAt()), a.sentByName())));
            case WITHDRAWN -> box.add(outcome(VaadinIcon.BAN, "portal-outcome-withdrawn",
                    t("portal.acceptance.withdrawn-text", dateTime(a.withdrawnAt()), a.withdrawReason())));
            case PENDING -> {
                if (!pages.mayDecide()) {
                    box.add(pages.notDeciding("acceptance-not-deciding"));
                } else if (pages.viewer().preview()) {
                    Paragraph note = new Paragraph(t("portal.acceptance.read-only"));
                    note.addClassName("muted");
                    box.add(note);
                } else {
                    box.add(form(a, box));
                }
            }
        }
        return box;
    }

    private Component form(CustomerAcceptance a, Div box) {
        Paragraph statement = new Paragraph(t("portal.acceptance.statement", a.versionNumber(), a.documentTitle()));
        TextField name = new TextField(t("portal.acceptance.typed-name"));
        name.setId("acceptance-name");
        name.setHelperText(t("portal.acceptance.typed-name-help", pages.viewer().displayName()));
        name.setMaxLength(AcceptanceService.NAME_MAX);
        name.setWidth("min(24rem, 100%)");
        Paragraph problem = new Paragraph();
        problem.setId("acceptance-problem");
        problem.addClassName("form-error");
        problem.setVisible(false);
        Button accept = new Button(t("portal.acceptance.accept"), VaadinIcon.CHECK.create());
        accept.setId("acceptance-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        accept.setDisableOnClick(true);
        accept.addClickListener(e -> {
            name.setInvalid(false);
            problem.setVisible(false);
            try {
                // the accepting request's own origin, resolved behind the trusted proxies only (DD010)
                RequestOrigin origin = RequestOrigin.current();
                AcceptOutcome outcome = acceptances.accept(pages.viewer(), a.id(), name.getValue(),
                        origin.ipAddress(), origin.userAgent());
                CustomerAcceptance done = outcome.acceptance();
                box.removeAll();
                box.add(outcome(VaadinIcon.CHECK_CIRCLE, "portal-outcome-accepted", t(outcome.alreadyAccepted()
                        ? "portal.acceptance.already-accepted" : "portal.acceptance.accepted-by",
                        done.acceptedName(), dateTime(done.acceptedAt()))));
            } catch (InvalidInputException ex) {
                String text = ex.problems().stream().map(p -> t(p.messageKey(), p.args().toArray()))
                        .collect(Collectors.joining(" "));
                if (ex.problems().stream().anyMatch(p -> "typedName".equals(p.field()))) {
                    name.setErrorMessage(text);
                    name.setInvalid(true);
                } else {
                    problem.setText(text);
                    problem.setVisible(true);
                }
                accept.setEnabled(ex.problems().stream().noneMatch(p -> "acceptance.error.expired"
                        .equals(p.messageKey()) || "acceptance.error.withdrawn".equals(p.messageKey())));
            }
        });
        Div form = new Div(statement, name, problem, accept);
        form.addClassName("portal-accept-form");
        return form;
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private boolean dueSoon(CustomerAcceptance a) {
        Instant now = clock.instant();
        return a.status() == AcceptanceStatus.PENDING && a.expiresAt().isBefore(now.plus(DUE_SOON));
    }

    private Component badge(AcceptanceStatus status) {
        Span badge = new Span(t("portal.acceptance.statuses." + status.name()));
        badge.getElement().getThemeList().add(switch (status) {
            case PENDING -> "badge";
            case ACCEPTED -> "badge success";
            case EXPIRED -> "badge error";
            case WITHDRAWN -> "badge contrast";
        });
        badge.addClassName("acceptance-status");
        return badge;
    }

    private static Component outcome(VaadinIcon icon, String className, String text) {
        Div d = new Div(icon.create(), new Span(text));
        d.addClassName("portal-outcome");
        d.addClassName(className);
        return d;
    }

    private Div fact(String id, String labelKey, String value) {
        Span label = new Span(t(labelKey));
        label.addClassName("fact-label");
        Span v = new Span(value);
        v.setId(id);
        return new Div(label, v);
    }

    private Span line(String labelKey, String value) {
        Span s = new Span(t(labelKey) + ": " + value);
        s.addClassName("portal-card-count");
        return s;
    }

    private String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(PortalPages.locale()).format(instant.atZone(clock.getZone()));
    }

    private String t(String key, Object... args) {
        return pages.t(key, args);
    }
}
