package io.clientspace.request.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import io.clientspace.request.ClientRequest;
import io.clientspace.request.ClientRequestService;
import io.clientspace.request.RequestAttachment;
import io.clientspace.request.RequestEntry;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ui.Downloads;
import com.vaadin.flow.component.UI;
import io.clientspace.request.RequestState;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.tabs.TabParts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One client request for staff: triage's decision and the rule that fired, the SLA clocks, the conversation with the
 * client and the history, and what can be done next (take, assign or hand on, ask the client, write, resolve,
 * cancel). Every action asks the server, which has the last word; what was typed stays when it refuses.
 */
class RequestDetailDialog extends Dialog {

    private final UUID requestId;
    private final ClientRequestService requests;
    private final Clock clock;
    private final Runnable onChange;
    private final Div body = new Div();
    /** Kept across refreshes, so that a refused action leaves the text as typed. */
    final TextArea text = new TextArea();
    final ComboBox<StaffMember> assignee = new ComboBox<>();
    private ClientRequest shown;

    RequestDetailDialog(UUID requestId, ClientRequestService requests, Clock clock, Runnable onChange) {
        this.requestId = requestId;
        this.requests = requests;
        this.clock = clock;
        this.onChange = onChange;
        setId("client-request-detail");
        setWidth("min(60rem, 96vw)");
        body.setId("client-request-detail-body");
        text.setId("client-request-text");
        text.setWidthFull();
        text.setMaxLength(ClientRequestService.MESSAGE_MAX);
        text.setPlaceholder(getTranslation("clientrequest.text-placeholder"));
        assignee.setId("client-request-assignee");
        assignee.setItemLabelGenerator(StaffMember::displayName);
        assignee.setPlaceholder(getTranslation("clientrequest.assign-to"));
        add(body);
        refresh();
    }

    void refresh() {
        ClientRequest r = requests.get(requestId);
        shown = r;
        setHeaderTitle(r.number() + " · " + r.subject());
        body.removeAll();
        Div meta = new Div(ClientRequestsTab.stateBadge(this, r.state()), ClientRequestsTab.slaBadge(this,
                r.sla().status()));
        meta.addClassName("request-meta");
        body.add(meta, facts(r));
        if (r.description() != null) {
            Paragraph d = new Paragraph(r.description());
            d.setId("client-request-description");
            d.getStyle().set("white-space", "pre-wrap");
            body.add(d);
        }
        if (!r.attachments().isEmpty()) {
            body.add(attachments(r));
        }
        body.add(new H4(getTranslation("clientrequest.conversation")), thread(r));
        body.add(new H4(getTranslation("clientrequest.history")), history(r));
        if (r.state().isOpen()) {
            body.add(actions(r));
        }
        getFooter().removeAll();
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }

    /** The files the request was raised with; they are the workspace's files, in its Files tab as well. */
    private Component attachments(ClientRequest r) {
        Div list = new Div();
        list.setId("client-request-attachments");
        list.addClassName("client-request-attachments");
        for (RequestAttachment a : r.attachments()) {
            Button b = new Button(a.name(), VaadinIcon.PAPERCLIP.create(), e -> {
                try {
                    Downloads.start(UI.getCurrent(), requests.attachmentLink(r.id(), a.fileId()));
                } catch (NotFoundException ex) {
                    Notification.show(getTranslation("clientrequest.attachment-gone", a.name()));
                }
            });
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            b.addClassName("client-request-attachment");
            list.add(b);
        }
        return list;
    }

    private Component facts(ClientRequest r) {
        Div facts = new Div();
        facts.setId("client-request-facts");
        facts.addClassName("facts");
        fact(facts, "clientrequest.category", getTranslation("clientrequest.category." + r.category()));
        fact(facts, "clientrequest.raised-by", r.loggedByStaff() && r.contactName() != null
                ? getTranslation("clientrequest.logged-for", r.raisedBy(), r.contactName()) : r.raisedBy());
        fact(facts, "clientrequest.raised", when(r.raisedAt()));
        if (r.projectName() != null) {
            fact(facts, "clientrequest.project", r.projectName());
        }
        fact(facts, "clientrequest.triage", r.priority() == null ? "" : getTranslation("clientrequest.triage-decision",
                r.priority(), r.handlingGroup(), r.triageRule()));
        fact(facts, "clientrequest.response-due", r.sla().respondedAt() != null
                ? getTranslation("clientrequest.responded", when(r.sla().respondedAt()))
                : when(r.sla().responseDueAt()) + (r.sla().responseBreached() ? " · "
                + getTranslation("clientrequest.sla.BREACHED") : ""));
        fact(facts, "clientrequest.resolution-due", when(r.sla().resolutionDueAt())
                + (r.sla().resolutionBreached() ? " · " + getTranslation("clientrequest.sla.BREACHED") : ""));
        if (r.sla().pausedSeconds() > 0 || r.sla().paused()) {
            fact(facts, "clientrequest.paused", getTranslation("clientrequest.paused-hours",
                    Duration.ofSeconds(r.sla().pausedSeconds()).toHours()));
        }
        if (r.neededBy() != null) {
            fact(facts, "clientrequest.needed-by", TabParts.date(getLocale(), clock.getZone(), r.neededBy()));
        }
        fact(facts, "clientrequest.assignee", r.assigneeName() == null ? getTranslation("clientrequest.unassigned")
                : r.assigneeName());
        if (r.confirmBy() != null && r.state() == RequestState.RESOLVED) {
            fact(facts, "clientrequest.confirm-by", when(r.confirmBy()));
        }
        return facts;
    }

    private void fact(Div facts, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("muted");
        Span v = new Span(value == null ? "" : value);
        Div row = new Div(label, new Span(" "), v);
        facts.add(row);
    }

    private Component thread(ClientRequest r) {
        Div thread = new Div();
        thread.setId("client-request-thread");
        for (RequestEntry e : r.entries()) {
            // the description is shown above the thread
            if (e.body() == null || "RAISED".equals(e.kind())) {
                continue;
            }
            Span who = new Span((e.actor() == null ? getTranslation("timeline.system") : e.actor()) + " · "
                    + getTranslation("clientrequest.entry." + e.kind()) + " · " + when(e.at()));
            who.addClassName("muted");
            Paragraph p = new Paragraph(e.body());
            p.getStyle().set("white-space", "pre-wrap").set("margin", "0");
            Div item = new Div(who, p);
            item.addClassNames("client-request-message", e.byCustomer() ? "from-client" : "from-team");
            item.getStyle().set("margin-bottom", "var(--lumo-space-s)");
            thread.add(item);
        }
        return thread;
    }

    private Component history(ClientRequest r) {
        Div history = new Div();
        history.setId("client-request-history");
        for (RequestEntry e : r.entries()) {
            String line = when(e.at()) + " · " + getTranslation("clientrequest.entry." + e.kind())
                    + (e.actor() == null ? "" : " · " + e.actor())
                    + (e.detail() == null || e.detail().equals(e.actor()) ? "" : " · " + e.detail());
            Div row = new Div(new Span(line));
            row.addClassName("client-request-history-line");
            history.add(row);
        }
        return history;
    }

    private Component actions(ClientRequest r) {
        Div box = new Div();
        box.setId("client-request-actions");
        Div buttons = new Div();
        buttons.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        if (r.state() == RequestState.QUEUED) {
            buttons.add(button("clientrequest.take", "client-request-take", VaadinIcon.HAND,
                    () -> requests.take(requestId)));
        }
        if (r.state() == RequestState.QUEUED || r.state() == RequestState.IN_PROGRESS) {
            assignee.setItems(requests.assignable(requestId));
            Button assign = button(r.state() == RequestState.QUEUED ? "clientrequest.assign" : "clientrequest.hand-on",
                    "client-request-assign", VaadinIcon.USER_CHECK, () -> requests.assign(requestId,
                            assignee.getValue() == null ? null : assignee.getValue().username(), shown.version()));
            buttons.add(assignee, assign);
        }
        box.add(buttons, text);
        Div textButtons = new Div();
        textButtons.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        textButtons.add(button("clientrequest.write", "client-request-write", VaadinIcon.COMMENT,
                () -> requests.writeToClient(requestId, text.getValue())));
        if (r.state() == RequestState.IN_PROGRESS) {
            textButtons.add(button("clientrequest.ask", "client-request-ask", VaadinIcon.QUESTION,
                    () -> requests.askClient(requestId, text.getValue(), shown.version())));
            Button resolve = button("clientrequest.resolve", "client-request-resolve", VaadinIcon.CHECK,
                    () -> requests.resolve(requestId, text.getValue(), shown.version()));
            resolve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            textButtons.add(resolve);
        }
        Button cancel = button("clientrequest.cancel", "client-request-cancel", VaadinIcon.CLOSE_SMALL,
                () -> requests.cancel(requestId, text.getValue(), shown.version()));
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        textButtons.add(cancel);
        box.add(textButtons);
        return box;
    }

    private Button button(String key, String id, VaadinIcon icon, Supplier<ClientRequest> action) {
        Button b = new Button(getTranslation(key), icon.create());
        b.setId(id);
        b.addClickListener(e -> act(action));
        return b;
    }

    private void act(Supplier<ClientRequest> action) {
        text.setInvalid(false);
        assignee.setInvalid(false);
        try {
            action.get();
            text.clear();
            assignee.clear();
            refresh();
            onChange.run();
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                String message = getTranslation(p.messageKey(), p.args().toArray());
                if ("assignee".equals(p.field())) {
                    assignee.setErrorMessage(message);
                    assignee.setInvalid(true);
                } else {
                    text.setErrorMessage(message);
                    text.setInvalid(true);
                }
            }
        } catch (StaleDataException e) {
            text.setErrorMessage(getTranslation("clientrequest.error.stale"));
            text.setInvalid(true);
            refresh();
        }
    }

    private String when(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).format(at.atZone(clock.getZone()));
    }
}
