package io.clientspace.proposal.ui;

import java.util.List;
import io.clientspace.shared.ui.tabs.TabParts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import io.clientspace.deal.DealService;
import io.clientspace.file.FileService;
import io.clientspace.proposal.Proposal;
import io.clientspace.proposal.ProposalAttachment;
import io.clientspace.proposal.ProposalFormat;
import io.clientspace.proposal.ProposalRules;
import io.clientspace.proposal.ProposalService;
import io.clientspace.proposal.ProposalStatus;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.Downloads;
import io.clientspace.shared.ui.FormErrors;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One proposal for the team: what it offers, where it stands, the approval and the customer's answer with its
 * evidence, and the next step the current user may take (change, send, approve or return).
 */
class ProposalDetailsDialog extends Dialog {

    private final UUID proposalId;
    private final Place place;
    private final ProposalService proposals;
    private final DealService deals;
    private final FileService files;
    private final Clock clock;
    private final Runnable onChange;
    private final Div body = new Div();

    ProposalDetailsDialog(UUID proposalId, Place place, ProposalService proposals, DealService deals,
                          FileService files, Clock clock, Runnable onChange) {
        this.proposalId = proposalId;
        this.place = place;
        this.proposals = proposals;
        this.deals = deals;
        this.files = files;
        this.clock = clock;
        this.onChange = onChange;
        setId("proposal-details");
        setWidth("min(46rem, 96vw)");
        body.addClassName("proposal-details");
        add(body);
        refresh();
    }

    private void refresh() {
        Proposal p = proposals.get(proposalId);
        setHeaderTitle(p.number() + " · " + p.title());
        body.removeAll();
        getFooter().removeAll();
        Div status = new Div(ProposalsTab.statusBadge(this, p.status()));
        status.setId("proposal-details-status");
        body.add(status);

        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, VaadinIcon.USER_STAR, getTranslation("proposal.owner"), p.ownerName());
        if (p.dealTitle() != null) {
            fact(facts, VaadinIcon.HANDSHAKE, getTranslation("proposal.deal"), p.dealTitle());
        }
        if (place.projectName(p.projectId()) != null) {
            fact(facts, VaadinIcon.FOLDER_O, getTranslation("proposal.project"), place.projectName(p.projectId()));
        }
        fact(facts, VaadinIcon.CASH, getTranslation("proposal.fee-model"),
                getTranslation("proposal.fee-models." + p.feeModel().name()));
        if (p.amountsHidden()) {
            // the firm keeps amounts from colleagues who only view the client (issue 15 §1)
            fact(facts, VaadinIcon.ANGLE_RIGHT, getTranslation("proposal.fee-amount"),
                    getTranslation("amounts.hidden"));
        } else {
            for (ProposalFormat.Line line : ProposalFormat.feeLines(p.feeModel(), p.currency(), p.fixedAmount(),
                    p.hourlyRate(), p.estimatedHours(), p.monthlyAmount(), p.termMonths(), p.milestones(),
                    p.discountPercent(), p.feeAmount(), getLocale())) {
                fact(facts, VaadinIcon.ANGLE_RIGHT, line.labelArg() == null ? getTranslation(line.labelKey())
                        : getTranslation(line.labelKey(), line.labelArg()), line.value());
            }
        }
        fact(facts, VaadinIcon.CALENDAR, getTranslation("proposal.valid-until"),
                TabParts.date(getLocale(), clock.getZone(), p.validUntil()));
        if (p.sentAt() != null) {
            fact(facts, VaadinIcon.ENVELOPE_O, getTranslation("proposal.sent"), when(p.sentAt()));
        }
        body.add(facts);
        body.add(new H3(getTranslation("proposal.scope")));
        Paragraph scope = new Paragraph(p.scope());
        scope.addClassName("proposal-scope");
        body.add(scope);
        if (!p.attachments().isEmpty()) {
            body.add(new H3(getTranslation("proposal.attachments")));
            for (ProposalAttachment a : p.attachments()) {
                Button download = new Button(a.name(), VaadinIcon.DOWNLOAD_ALT.create(),
                        e -> Downloads.start(UI.getCurrent(), files.downloadLink(a.fileId())));
                download.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                body.add(new Div(download));
            }
        }
        body.add(stateSection(p));
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
        actions(p);
    }

    /** Where it stands, in words: who has to do what next, or what the customer answered. */
    private Component stateSection(Proposal p) {
        Div box = new Div();
        box.setId("proposal-state");
        box.addClassName("proposal-state");
        switch (p.status()) {
            case DRAFT -> {
                if (p.returnComment() != null) {
                    box.add(note("proposal-returned-note", getTranslation("proposal.returned-by",
                            p.returnedByName(), p.returnComment())));
                }
            }
            case AWAITING_APPROVAL -> box.add(note("proposal-approval-note", getTranslation("proposal.awaiting",
                    reason(p.approvalReason()))));
            case SENT -> box.add(note("proposal-sent-note", getTranslation("proposal.waiting-for-customer",
                    TabParts.date(getLocale(), clock.getZone(), p.validUntil()))));
            case ACCEPTED -> box.add(note("proposal-accepted-note", getTranslation("proposal.accepted-evidence",
                    p.decidedByName(), when(p.decidedAt()), p.decidedFromIp() == null ? "-" : p.decidedFromIp())));
            case DECLINED -> box.add(note("proposal-declined-note", getTranslation("proposal.declined-evidence",
                    p.decidedByName(), when(p.decidedAt()), p.declineReason())));
            case EXPIRED -> box.add(note("proposal-expired-note", getTranslation("proposal.expired-note",
                    TabParts.date(getLocale(), clock.getZone(), p.validUntil()))));
            case WITHDRAWN -> box.add(note("proposal-withdrawn-note", getTranslation("proposal.withdrawn-note",
                    p.withdrawnByName(), when(p.withdrawnAt()), p.withdrawReason())));
        }
        if (p.acceptedPdfSha256() != null) {
            box.add(note("proposal-pdf-sha256", getTranslation("proposal.accepted-pdf-sha256",
                    p.acceptedPdfSha256())));
        }
        if (p.approvedByName() != null && p.status() != ProposalStatus.DRAFT) {
            box.add(note("proposal-approved-note", getTranslation("proposal.approved-by", p.approvedByName())));
        }
        return box;
    }

    private void actions(Proposal p) {
        if (p.isDraft() && proposals.canEdit(p)) {
            Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(), e ->
                    new ProposalDialog(place, p, null, proposals, deals, files, clock, saved -> {
                        onChange.run();
                        refresh();
                    }).open());
            edit.setId("proposal-edit");
            Button send = new Button(getTranslation("proposal.send"), VaadinIcon.PAPERPLANE.create());
            send.setId("proposal-send");
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            if (!proposals.canSend(place.scope())) {
                send.setEnabled(false);
                body.add(ProposalsTab.noContactHint(this));
            }
            send.setDisableOnClick(true);
            send.addClickListener(e -> act(() -> proposals.submit(p.id()), send));
            getFooter().add(edit, send);
        } else if (p.awaitsApproval() && proposals.canApprove(p)) {
            Button back = withReason("comment", "proposal-return-comment", "proposal.return-comment",
                    "proposal.error.comment-required", new Button(getTranslation("proposal.return"),
                            VaadinIcon.REPLY.create()), comment -> proposals.returnToOwner(p.id(), comment));
            back.setId("proposal-return");
            Button approve = new Button(getTranslation("proposal.approve"), VaadinIcon.CHECK.create());
            approve.setId("proposal-approve");
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            approve.setDisableOnClick(true);
            approve.addClickListener(e -> act(() -> proposals.approve(p.id()), approve));
            getFooter().add(back, approve);
        } else if (p.awaitsApproval()) {
            body.add(note("proposal-approval-others", getTranslation("proposal.approval-by-others")));
        } else if (p.isWithdrawable() && proposals.canEdit(p)) {
            Button withdraw = withReason("reason", "proposal-withdraw-reason", "proposal.withdraw-reason",
                    "proposal.error.withdraw-reason-required", new Button(getTranslation("proposal.withdraw"),
                            VaadinIcon.BAN.create()), reason -> proposals.withdraw(p.id(), reason));
            withdraw.setId("proposal-withdraw");
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
            getFooter().add(withdraw);
        } else if (p.isRevisable() && proposals.canEdit(p)) {
            Button revise = new Button(getTranslation("proposal.revise"), VaadinIcon.COPY_O.create());
            revise.setId("proposal-revise");
            revise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            revise.setDisableOnClick(true);
            revise.addClickListener(e -> {
                Proposal revision = proposals.revise(p.id());
                Notification.show(getTranslation("proposal.revised", revision.number(), p.number()), 6000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onChange.run();
                close();
                new ProposalDetailsDialog(revision.id(), place, proposals, deals, files, clock, onChange).open();
            });
            getFooter().add(revise);
        }
        if (p.sentAt() != null) {
            Button pdf = new Button(getTranslation("proposal.pdf"), VaadinIcon.FILE_TEXT_O.create(),
                    e -> Downloads.start(UI.getCurrent(), proposals.pdfLink(p.id())));
            pdf.setId("proposal-pdf");
            if (p.amountsHidden()) {
                io.clientspace.shared.ui.Unavailable.disable(pdf, getTranslation("amounts.hidden.why"));
            }
            getFooter().addComponentAsFirst(pdf);
        }
    }

    /**
     * A step that needs a text (a return comment, a withdrawal's reason): the text area goes into the body, the
     * button runs the step when the text is there and shows the problem on the field when not; the typed text stays.
     */
    private Button withReason(String field, String areaId, String labelKey, String requiredKey, Button button,
                              Function<String, Proposal> step) {
        TextArea text = new TextArea(getTranslation(labelKey));
        text.setId(areaId);
        text.setMaxLength(ProposalRules.COMMENT_MAX);
        text.setWidthFull();
        FormErrors errors = new FormErrors(this).field(field, text);
        body.add(text);
        button.addClickListener(e -> {
            var problem = ProposalRules.checkReason(text.getValue(), field, requiredKey);
            if (problem != null) {
                errors.show(List.of(problem));
                return;
            }
            try {
                act(() -> step.apply(text.getValue()), button);
            } catch (InvalidInputException ex) {
                errors.show(ex.problems());
            }
        });
        return button;
    }

    /** Runs a step and says where the proposal stands now; a step someone else took first is no error. */
    private void act(Supplier<Proposal> step, Button button) {
        try {
            Proposal after = step.get();
            Notification n = Notification.show(getTranslation("proposal.now." + after.status().name(),
                    after.number()), 5000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            button.setEnabled(true);
            e.problems().stream().findFirst().ifPresent(pr -> Notification.show(
                    getTranslation(pr.messageKey(), pr.args().toArray()), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
            return;
        }
        onChange.run();
        refresh();
    }

    private String reason(String code) {
        if (code == null) {
            return "";
        }
        String key = "proposal.approval-reasons." + code;
        String text = getTranslation(key);
        // a reason a process owner added to the rules without a translation yet shows as its code
        return text.equals(key) ? code : text;
    }

    private Paragraph note(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        p.addClassName("proposal-note");
        return p;
    }

    private void fact(Div facts, VaadinIcon icon, String label, String value) {
        TabParts.fact(facts, icon, label, value);
    }

    private String when(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).format(instant.atZone(clock.getZone()));
    }
}
