package io.clientspace.portal.ui;

import io.clientspace.security.RequestOrigin;
import com.vaadin.flow.component.HasStyle;
import java.time.LocalDate;
import java.util.function.Supplier;
import io.clientspace.proposal.ProposalNavigation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.portal.PortalProposals;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.proposal.CustomerProposal;
import io.clientspace.proposal.ProposalAnswer;
import io.clientspace.proposal.ProposalAttachment;
import io.clientspace.proposal.ProposalFormat;
import io.clientspace.proposal.ProposalRules;
import io.clientspace.proposal.ProposalStatus;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.Downloads;
import io.clientspace.shared.ui.FormErrors;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.UploadTexts;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The portal's Proposals list and a proposal's page with the customer's answer, for the portal's routes and for a
 * manager's read-only "view as client". What the page shows is what the proposal document says; the server decides
 * whether an answer is still possible, the page only offers it.
 */
final class PortalProposalPages {

    private final PortalProposals proposals;
    private final PortalPages pages;
    private final CustomerScope viewer;
    private final Component host;

    PortalProposalPages(PortalProposals proposals, PortalPages pages, CustomerScope viewer, Component host) {
        this.proposals = proposals;
        this.pages = pages;
        this.viewer = viewer;
        this.host = host;
    }

    static String path(UUID proposalId) {
        return ProposalNavigation.portalPage(proposalId);
    }

    /**
     * Every proposal sent to the client: title, status, number, fee model, fee and sent date.
     *
     * @param href links a row to its page; null to open it with {@code open} instead (preview)
     */
    Component list(Function<UUID, String> href, Consumer<UUID> open) {
        Div page = page("portal-proposals");
        page.add(new H1(t("portal.proposals.title")));
        page.add(pages.async(() -> proposals.list(viewer), list -> {
            if (list.isEmpty()) {
                return States.empty(VaadinIcon.FILE_TEXT, t("portal.proposals.none.title"),
                        t("portal.proposals.none.text"), null);
            }
            Grid<CustomerProposal> grid = new Grid<>();
            grid.setId("portal-proposal-grid");
            grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setAllRowsVisible(true);
            grid.addComponentColumn(p -> {
                Component title = href != null ? new Anchor(href.apply(p.id()), p.title()) : new Span(p.title());
                ((HasStyle) title).addClassName("proposal-title");
                return title;
            }).setHeader(t("proposal.title")).setFlexGrow(3);
            grid.addComponentColumn(p -> badge(p.status())).setHeader(t("proposal.status")).setAutoWidth(true)
                    .setFlexGrow(0);
            grid.addColumn(CustomerProposal::number).setHeader(t("proposal.number")).setAutoWidth(true);
            grid.addColumn(p -> t("proposal.fee-models." + p.feeModel().name())).setHeader(t("proposal.fee-model"))
                    .setAutoWidth(true);
            grid.addColumn(p -> ProposalFormat.money(p.feeAmount(), p.currency(), locale()))
                    .setHeader(t("proposal.fee-amount")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
            grid.addColumn(p -> pages.date(p.sentAt())).setHeader(t("proposal.sent")).setAutoWidth(true);
            grid.addItemClickListener(e -> {
                if (href != null) {
                    UI.getCurrent().navigate(href.apply(e.getItem().id()));
                } else {
                    open.accept(e.getItem().id());
                }
            });
            grid.setItems(list);
            return grid;
        }));
        return page;
    }

    /** One proposal: what it offers, its files, and accept or decline while it is pending. */
    Component detail(UUID proposalId, Component back) {
        Div page = page("portal-proposal");
        Div body = new Div();
        page.add(body);
        Runnable[] show = new Runnable[1];
        show[0] = () -> {
            body.removeAll();
            body.add(pages.async(() -> proposals.get(viewer, proposalId), p -> render(p, back, show[0])));
        };
        show[0].run();
        return page;
    }

    private Component render(CustomerProposal p, Component back, Runnable refresh) {
        Div box = new Div();
        if (back != null) {
            box.add(back);
        }
        H1 title = new H1(p.title());
        title.setId("portal-proposal-title");
        Span number = new Span(p.number());
        number.setId("portal-proposal-number");
        number.addClassName("muted");
        Div heading = new Div(number, badge(p.status()));
        heading.addClassName("proposal-heading");
        box.add(title, heading);

        Div facts = new Div();
        facts.addClassName("portal-profile-facts");
        fact(facts, "proposal-fee-model", t("proposal.fee-model"), t("proposal.fee-models." + p.feeModel().name()));
        for (ProposalFormat.Line line : ProposalFormat.feeLines(p.feeModel(), p.currency(), p.fixedAmount(),
                p.hourlyRate(), p.estimatedHours(), p.monthlyAmount(), p.termMonths(), p.milestones(),
                p.discountPercent(), p.feeAmount(), locale())) {
            fact(facts, null, line.labelArg() == null ? t(line.labelKey()) : t(line.labelKey(), line.labelArg()),
                    line.value());
        }
        fact(facts, "proposal-valid-until", t("proposal.valid-until"), day(p.validUntil()));
        fact(facts, "proposal-sent", t("proposal.sent"), pages.date(p.sentAt()));
        box.add(facts);

        box.add(new H2(t("proposal.scope")));
        Paragraph scope = new Paragraph(p.scope());
        scope.setId("portal-proposal-scope");
        scope.addClassName("proposal-scope");
        box.add(scope);

        if (!p.attachments().isEmpty()) {
            box.add(new H2(t("proposal.attachments")));
            Div files = new Div();
            files.setId("portal-proposal-attachments");
            for (ProposalAttachment a : p.attachments()) {
                Button download = new Button(a.name() + " (" + UploadTexts.size(host, a.sizeBytes()) + ")",
                        VaadinIcon.DOWNLOAD_ALT.create(), e -> Downloads.start(UI.getCurrent(),
                        proposals.attachment(viewer, p.id(), a.fileId())));
                download.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                download.addClassName("proposal-attachment");
                files.add(download);
            }
            box.add(files);
        }
        Button pdf = new Button(t("portal.proposal.pdf"), VaadinIcon.FILE_TEXT_O.create(),
                e -> Downloads.start(UI.getCurrent(), proposals.pdf(viewer, p.id())));
        pdf.setId("portal-proposal-pdf");
        pdf.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        box.add(new Div(pdf));
        box.add(answer(p, refresh));
        return box;
    }

    /** The answer part: the outcome once there is one, else the accept and decline forms (read-only in preview). */
    Component answer(CustomerProposal p, Runnable refresh) {
        Div box = new Div();
        box.setId("portal-proposal-answer");
        box.addClassName("proposal-answer");
        switch (p.status()) {
            case ACCEPTED -> box.add(outcome("proposal-accepted-note", t("portal.proposal.accepted-by",
                    p.decidedByName(), pages.date(p.decidedAt()))));
            case DECLINED -> box.add(outcome("proposal-declined-note", t("portal.proposal.declined-by",
                    p.decidedByName(), pages.date(p.decidedAt()), p.declineReason())));
            case EXPIRED -> box.add(outcome("proposal-expired-note", t("portal.proposal.expired-on",
                    day(p.validUntil()))));
            case WITHDRAWN -> {
                box.add(outcome("proposal-withdrawn-note", t("portal.proposal.withdrawn-on",
                        pages.date(p.withdrawnAt()), p.withdrawReason())));
                if (p.supersededBy() != null) {
                    Anchor latest = new Anchor(path(p.supersededBy()), t("portal.proposal.see-latest"));
                    latest.setId("proposal-latest-version");
                    box.add(latest);
                }
            }
            default -> {
                if (!pages.mayDecide()) {
                    box.add(pages.notDeciding("proposal-not-deciding"));
                } else if (viewer.preview()) {
                    box.add(outcome("proposal-read-only", t("portal.proposal.read-only")));
                } else {
                    box.add(acceptForm(p, refresh), declineForm(p, refresh));
                }
            }
        }
        return box;
    }

    private Component acceptForm(CustomerProposal p, Runnable refresh) {
        Div form = new Div(new H2(t("portal.proposal.accept.title")));
        form.addClassName("proposal-accept");
        Paragraph text = new Paragraph(t("portal.proposal.accept.text", viewer.displayName(), p.number()));
        TextField name = new TextField(t("portal.proposal.accept.name"));
        name.setId("proposal-accept-name");
        name.setMaxLength(ProposalRules.NAME_MAX);
        name.setPlaceholder(viewer.displayName());
        name.setWidth("min(24rem, 100%)");
        FormErrors errors = new FormErrors(host).field("name", name);
        Button accept = new Button(t("portal.proposal.accept.button"), VaadinIcon.CHECK.create());
        accept.setId("proposal-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        accept.setDisableOnClick(true);
        accept.addClickListener(e -> {
            var problem = ProposalRules.checkSignature(name.getValue(), viewer.displayName());
            if (problem != null) {
                errors.show(List.of(problem));
                accept.setEnabled(true);
                return;
            }
            answered(() -> proposals.accept(viewer, p.id(), name.getValue(), ip()), errors, accept, refresh);
        });
        form.add(text, name, accept);
        return form;
    }

    private Component declineForm(CustomerProposal p, Runnable refresh) {
        Div form = new Div(new H2(t("portal.proposal.decline.title")));
        form.addClassName("proposal-decline");
        TextArea reason = new TextArea(t("portal.proposal.decline.reason"));
        reason.setId("proposal-decline-reason");
        reason.setMaxLength(ProposalRules.COMMENT_MAX);
        reason.setWidth("min(32rem, 100%)");
        FormErrors errors = new FormErrors(host).field("reason", reason);
        Button decline = new Button(t("portal.proposal.decline.button"), VaadinIcon.CLOSE.create());
        decline.setId("proposal-decline");
        decline.addThemeVariants(ButtonVariant.LUMO_ERROR);
        decline.setDisableOnClick(true);
        decline.addClickListener(e -> {
            var problem = ProposalRules.checkReason(reason.getValue(), "reason", "proposal.error.reason-required");
            if (problem != null) {
                errors.show(List.of(problem));
                decline.setEnabled(true);
                return;
            }
            answered(() -> proposals.decline(viewer, p.id(), reason.getValue(), ip()), errors, decline, refresh);
        });
        form.add(reason, decline);
        return form;
    }

    /** Runs the answer and says what came of it: done, done already, or too late; then shows the proposal anew. */
    private void answered(Supplier<ProposalAnswer> call, FormErrors errors, Button button,
                          Runnable refresh) {
        ProposalAnswer answer;
        try {
            answer = call.get();
        } catch (InvalidInputException e) {
            errors.show(e.problems());
            button.setEnabled(true);
            return;
        }
        Notification n = new Notification(t("portal.proposal.answers." + answer.name()), 6000,
                Notification.Position.TOP_CENTER);
        n.addThemeVariants(answer.changed() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
        n.setId("proposal-answer-note");
        n.open();
        refresh.run();
    }

    private Component outcome(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        p.addClassName("proposal-outcome");
        return p;
    }

    Component badge(ProposalStatus status) {
        Span badge = new Span(t("portal.proposal.statuses." + status.name()));
        badge.getElement().getThemeList().add(switch (status) {
            case ACCEPTED -> "badge success";
            case DECLINED -> "badge error";
            case EXPIRED, WITHDRAWN -> "badge contrast";
            default -> "badge";
        });
        badge.addClassName("proposal-status");
        return badge;
    }

    private void fact(Div facts, String id, String label, String value) {
        Span l = new Span(label);
        l.addClassName("fact-label");
        Span v = new Span(value == null ? "" : value);
        if (id != null) {
            v.setId(id);
        }
        facts.add(new Div(l, v));
    }

    private String day(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    /** The answering request's own address, resolved behind the trusted proxies only (DD010), kept as evidence. */
    private static String ip() {
        return RequestOrigin.current().ipAddress();
    }

    private Div page(String id) {
        Div page = new Div();
        page.setId(id);
        page.addClassName("portal-page");
        return page;
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }

    private String t(String key, Object... args) {
        return host.getTranslation(key, args);
    }
}
