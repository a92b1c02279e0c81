package io.clientspace.inforequest.ui;

import io.clientspace.shared.ui.tabs.TabParts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.inforequest.InformationRequest;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.ItemKind;
import io.clientspace.inforequest.ItemState;
import io.clientspace.inforequest.Outcome;
import io.clientspace.inforequest.RequestItem;
import io.clientspace.inforequest.RequestStatus;
import io.clientspace.inforequest.SendBlocker;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.Downloads;
import io.clientspace.shared.ui.UploadTexts;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One information request for the team: its items with the customer's answers, where each submitted answer is
 * accepted or returned with a comment; a draft is edited and sent from here, and any open request can be cancelled.
 * Every action asks the server, which has the last word: a late or repeated action shows what happened instead.
 */
class RequestDetailsDialog extends Dialog {

    private final UUID requestId;
    private final InformationRequestService requests;
    private final List<SendBlocker> blockers;
    private final Clock clock;
    private final Runnable onChange;
    private final Div body = new Div();

    RequestDetailsDialog(UUID requestId, InformationRequestService requests, List<SendBlocker> blockers, Clock clock,
                         Runnable onChange) {
        this.requestId = requestId;
        this.requests = requests;
        this.blockers = blockers;
        this.clock = clock;
        this.onChange = onChange;
        setId("request-details");
        setWidth("min(56rem, 96vw)");
        body.setId("request-details-body");
        add(body);
        refresh();
    }

    private void refresh() {
        InformationRequest r = requests.get(requestId);
        setHeaderTitle(r.number() + " · " + r.title());
        body.removeAll();
        Span status = RequestsTab.statusBadge(this, r.status());
        status.setId("request-details-status");
        Span progress = new Span(getTranslation("request.accepted-of", r.accepted(), r.total()));
        progress.addClassName("muted");
        Span sent = new Span(r.sentAt() == null ? getTranslation("request.created-by", r.createdByName())
                : getTranslation("request.sent-by", r.sentByName(),
                TabParts.date(getLocale(), clock.getZone(), r.sentAt())));
        sent.addClassName("muted");
        Div meta = new Div(status, progress, sent);
        meta.addClassName("request-meta");
        body.add(meta);
        for (RequestItem item : r.items()) {
            body.add(item(r, item));
        }
        getFooter().removeAll();
        getFooter().add(footer(r).toArray(Component[]::new));
    }

    private Component item(InformationRequest r, RequestItem item) {
        Span prompt = new Span(item.position() + ". " + item.prompt());
        prompt.addClassName("request-item-prompt");
        Span state = new Span(getTranslation("inforequest.item-states." + item.state().name()));
        state.getElement().getThemeList().addAll(List.of(item.state().badgeTheme().split(" ")));
        state.addClassName("request-item-state");
        Span kind = new Span(getTranslation("inforequest.kinds." + item.kind().name()));
        kind.addClassName("muted");
        Div head = new Div(prompt, state, kind);
        head.addClassName("request-item-head");
        if (item.due() != null) {
            Span due = new Span(getTranslation("request.due", TabParts.date(getLocale(), clock.getZone(),
                    item.due())));
            due.addClassName("muted");
            head.add(due);
        }
        Div card = new Div(head);
        card.addClassNames("request-item", "request-item-" + item.state().name().toLowerCase(Locale.ROOT));
        card.setId("request-details-item-" + item.position());
        boolean submitted = item.state() == ItemState.ANSWERED || item.state() == ItemState.ACCEPTED;
        if (item.hasAnswer() && (submitted || item.state() == ItemState.RETURNED)) {
            card.add(answer(item));
        }
        if (item.state() == ItemState.RETURNED && item.reviewComment() != null) {
            Paragraph comment = new Paragraph(getTranslation("request.returned-with", item.reviewedByName(),
                    item.reviewComment()));
            comment.addClassName("request-returned-comment");
            card.add(comment);
        }
        if (item.state() == ItemState.ANSWERED && r.status().isOpen()) {
            card.add(reviewActions(item));
        }
        return card;
    }

    private Component answer(RequestItem item) {
        Div box = new Div();
        box.addClassName("request-item-answer");
        if (item.kind() == ItemKind.FILE) {
            Button download = new Button(item.fileName() + " (" + UploadTexts.size(this, item.sizeBytes()) + ")",
                    VaadinIcon.DOWNLOAD_ALT.create(), e -> Downloads.start(UI.getCurrent(),
                    requests.downloadLink(item.id())));
            download.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            download.addClassName("request-download");
            box.add(download);
        } else {
            box.add(new Paragraph(item.answerText()));
        }
        if (item.answeredBy() != null && item.answeredAt() != null) {
            Span by = new Span(getTranslation("request.answered-by", item.answeredBy(),
                    TabParts.date(getLocale(), clock.getZone(), item.answeredAt())));
            by.addClassName("muted");
            box.add(by);
        }
        return box;
    }

    private Component reviewActions(RequestItem item) {
        Button accept = new Button(getTranslation("request.accept"), VaadinIcon.CHECK.create());
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        accept.addClassName("request-accept");
        accept.setDisableOnClick(true);
        accept.addClickListener(e -> act(() -> requests.accept(item.id()), "request.done.accepted", accept));
        TextField comment = new TextField();
        comment.setPlaceholder(getTranslation("request.return-comment"));
        comment.addClassName("request-return-comment");
        comment.setMaxLength(InformationRequestService.COMMENT_MAX);
        comment.setVisible(false);
        Button confirm = new Button(getTranslation("request.return-send"));
        confirm.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("request-return-confirm");
        confirm.setVisible(false);
        confirm.addClickListener(e -> {
            try {
                Outcome outcome = requests.returnToCustomer(item.id(), comment.getValue());
                done(outcome, "request.done.returned");
            } catch (InvalidInputException ex) {
                if (ex.problems().stream().anyMatch(p -> "comment".equals(p.field()))) {
                    comment.setErrorMessage(messages(ex));
                    comment.setInvalid(true);
                } else {
                    failed(ex);
                }
            }
        });
        Button giveBack = new Button(getTranslation("request.return"), VaadinIcon.ARROW_BACKWARD.create());
        giveBack.addThemeVariants(ButtonVariant.LUMO_SMALL);
        giveBack.addClassName("request-return");
        giveBack.addClickListener(e -> {
            comment.setVisible(true);
            confirm.setVisible(true);
            giveBack.setVisible(false);
            comment.focus();
        });
        Div actions = new Div(accept, giveBack, comment, confirm);
        actions.addClassName("request-review-actions");
        actions.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "baseline")
                .set("flex-wrap", "wrap");
        return actions;
    }

    private List<Component> footer(InformationRequest r) {
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("request-close");
        if (r.status().isClosed()) {
            return List.of(close);
        }
        Button cancel = new Button(getTranslation("request.cancel"), VaadinIcon.BAN.create(), e -> confirmCancel(r));
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.setId("request-cancel");
        if (r.status() != RequestStatus.DRAFT) {
            return List.of(cancel, close);
        }
        Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(),
                e -> RequestFormDialog.edit(r, requests, saved -> {
                    refresh();
                    onChange.run();
                }).open());
        edit.setId("request-edit");
        Button send = new Button(getTranslation("request.send"), VaadinIcon.PAPERPLANE.create());
        send.setId("request-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> act(() -> {
            requests.send(r.id());
            return Outcome.DONE;
        }, "request.done.sent", send));
        if (!blockers.isEmpty()) {
            // the server refuses too; the button says why up front
            send.setEnabled(false);
            Span why = new Span(blockers.stream().map(b -> getTranslation("inforequest.blockers." + b.name()))
                    .collect(Collectors.joining(" ")));
            why.setId("request-send-blocked");
            why.addClassName("muted");
            return List.of(why, cancel, edit, close, send);
        }
        return List.of(cancel, edit, close, send);
    }

    private void confirmCancel(InformationRequest r) {
        Dialog confirm = new Dialog();
        confirm.setId("request-cancel-confirm");
        confirm.setHeaderTitle(getTranslation("request.cancel-title", r.number()));
        confirm.add(new Paragraph(getTranslation(r.status() == RequestStatus.DRAFT ? "request.cancel-text-draft"
                : "request.cancel-text")));
        Button yes = new Button(getTranslation("request.cancel"), e -> {
            confirm.close();
            act(() -> requests.cancel(r.id()), "request.done.cancelled", new Button());
        });
        yes.setId("request-cancel-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(new Button(getTranslation("request.keep"), e -> confirm.close()), yes);
        confirm.open();
    }

    private void act(Supplier<Outcome> action, String doneKey, Button button) {
        try {
            done(action.get(), doneKey);
        } catch (InvalidInputException e) {
            button.setEnabled(true);
            failed(e);
        }
    }

    private void done(Outcome outcome, String doneKey) {
        Notification.show(getTranslation(outcome == Outcome.DONE ? doneKey : "request.done.already"), 4000,
                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
        onChange.run();
    }

    /** A late or refused action: say why, and show the request as it is now. */
    private void failed(InvalidInputException e) {
        Notification n = Notification.show(messages(e), 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("request-action-error");
        refresh();
        onChange.run();
    }

    private String messages(InvalidInputException e) {
        return e.problems().stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                .collect(Collectors.joining(" "));
    }
}
