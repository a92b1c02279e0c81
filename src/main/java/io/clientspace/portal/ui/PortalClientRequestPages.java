package io.clientspace.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.portal.PortalClientRequests;
import io.clientspace.portal.PortalProject;
import io.clientspace.request.ClientRequest;
import io.clientspace.request.ClientRequestNavigation;
import io.clientspace.request.ClientRequestService;
import io.clientspace.request.RequestDraft;
import io.clientspace.request.RequestAttachment;
import io.clientspace.request.RequestEntry;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ui.Downloads;
import io.clientspace.shared.ui.PendingUploads;
import io.clientspace.request.RequestState;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.FormErrors;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.States;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The portal's pages of the client's own requests to the team: the list (each with its state in the client's words)
 * with the New request form, and one request with its history and thread, where the customer answers a question,
 * confirms or reopens a resolution, or cancels. What the customer typed stays when the server refuses it.
 */
final class PortalClientRequestPages {

    private final PortalClientRequests requests;
    private final PortalPages pages;
    private final Clock clock;
    private final CustomerScope viewer;
    private final Component host;

    PortalClientRequestPages(PortalClientRequests requests, PortalPages pages, Clock clock, CustomerScope viewer,
                             Component host) {
        this.requests = requests;
        this.pages = pages;
        this.clock = clock;
        this.viewer = viewer;
        this.host = host;
    }

    // ------------------------------------------------------------------------------------------------ the list

    /** The requests as cards, newest first, and (for the customer, not a preview) the New request form. */
    Component list() {
        Div page = pages.page("portal-client-requests");
        Div cards = new Div();
        Button create = new Button(t("clientrequest.portal.new"), VaadinIcon.PLUS.create());
        create.setId("portal-client-request-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div head = new Div(new H1(t("clientrequest.portal.title")));
        head.addClassName("portal-card-head");
        page.add(head);
        if (!viewer.preview()) {
            head.add(create);
            Div form = new Div();
            form.setVisible(false);
            page.add(form);
            create.addClickListener(e -> {
                if (form.getChildren().findAny().isEmpty()) {
                    form.add(pages.async(() -> new FormData(requests.categories(), requests.projects(viewer)),
                            d -> newForm(d, () -> {
                                form.setVisible(false);
                                create.setEnabled(true);
                            })));
                }
                form.setVisible(true);
                create.setEnabled(false);
            });
        }
        page.add(cards);
        cards.add(pages.async(() -> requests.list(viewer), this::cards));
        return page;
    }

    private record FormData(List<String> categories, List<PortalProject> projects) {
    }

    private Component cards(List<ClientRequest> list) {
        if (list.isEmpty()) {
            return States.empty(VaadinIcon.COMMENTS_O, t("clientrequest.portal.none.title"),
                    t("clientrequest.portal.none.text"), null);
        }
        Div cards = new Div();
        cards.addClassName("portal-cards");
        cards.setId("portal-client-request-cards");
        for (ClientRequest r : list) {
            Span number = new Span(r.number());
            number.addClassName("request-number");
            Div top = new Div(number, stateBadge(r.state()));
            top.addClassName("request-card-top");
            H3 title = new H3(r.subject());
            Paragraph about = new Paragraph(t("clientrequest.category." + r.category())
                    + (r.projectName() == null ? "" : " · " + r.projectName()));
            about.addClassName("portal-card-text");
            Span line = new Span(stateLine(r));
            line.addClassName("portal-card-action");
            Anchor card = new Anchor(ClientRequestNavigation.portalPage(r.id()), top, title, about, line);
            card.addClassName("portal-card");
            card.addClassName("portal-client-request-card");
            card.getElement().setAttribute("data-number", r.number());
            cards.add(card);
        }
        return cards;
    }

    /** The New request form; on success it opens the new request's page. */
    private Component newForm(FormData data, Runnable close) {
        Div form = new Div();
        form.setId("portal-client-request-form");
        form.getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "stretch")
                .set("gap", "var(--lumo-space-s)").set("margin-bottom", "var(--lumo-space-l)")
                .set("max-width", "48rem").set("background", "var(--lumo-base-color)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("box-shadow", "var(--lumo-box-shadow-xs)")
                .set("padding", "var(--lumo-space-m) var(--lumo-space-l)");
        H3 heading = new H3(t("clientrequest.portal.new"));
        heading.getStyle().set("margin", "0");
        form.add(heading);
        Select<String> category = new Select<>();
        category.setId("portal-client-request-category");
        category.setLabel(t("clientrequest.category"));
        category.setItems(data.categories());
        category.setItemLabelGenerator(c -> t("clientrequest.category." + c));
        category.setRequiredIndicatorVisible(true);
        category.setWidthFull();
        TextField subject = new TextField(t("clientrequest.subject"));
        subject.setId("portal-client-request-subject");
        subject.setRequiredIndicatorVisible(true);
        subject.setWidthFull();
        TextArea description = new TextArea(t("clientrequest.description"));
        description.setId("portal-client-request-description");
        description.setWidthFull();
        description.setMinHeight("8rem");
        description.setValueChangeMode(ValueChangeMode.LAZY);
        // no maxLength: a pasted text that is too long is kept whole and the message says by how much
        Runnable count = () -> description.setHelperText(t("clientrequest.counter",
                description.getValue().length(), ClientRequestService.DESCRIPTION_MAX));
        count.run();
        description.addValueChangeListener(e -> count.run());
        ComboBox<PortalProject> project = new ComboBox<>(t("clientrequest.project"));
        project.setId("portal-client-request-project");
        project.setItems(data.projects());
        project.setItemLabelGenerator(PortalProject::name);
        project.setClearButtonVisible(true);
        project.setPlaceholder(t("clientrequest.portal.no-project"));
        DatePicker neededBy = new DatePicker(t("clientrequest.needed-by"));
        neededBy.setId("portal-client-request-needed-by");
        neededBy.setLocale(PortalPages.locale());
        Div row = new Div(project, neededBy);
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap")
                .set("align-items", "baseline");
        project.getStyle().set("flex", "2 1 16rem");
        neededBy.getStyle().set("flex", "1 1 10rem");
        PendingUploads files = new PendingUploads("portal-client-request-upload", ClientRequestService.ATTACHMENTS_MAX,
                requests.maxUploadBytes(), t("clientrequest.attach"), t("clientrequest.attach.drop"));
        Paragraph errors = errors("portal-client-request-form-errors");
        Button save = new Button(t("clientrequest.portal.send"), VaadinIcon.PAPERPLANE.create());
        save.setId("portal-client-request-send");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(t("action.cancel"), e -> close.run());
        cancel.setId("portal-client-request-form-cancel");
        Div buttons = new Div(save, cancel);
        buttons.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)")
                .set("justify-content", "flex-start");
        Map<String, HasValidation> fields = Map.of("category", category, "subject", subject,
                "description", description, "project", project, "neededBy", neededBy);
        save.addClickListener(e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            errors.setVisible(false);
            try {
                // everything typed and every chosen file stays when the server refuses any of it
                ClientRequest r = requests.raise(viewer, new RequestDraft(category.getValue(), subject.getValue(),
                        description.getValue(), project.getValue() == null ? null : project.getValue().id(),
                        neededBy.getValue(), null, files.files().stream()
                        .map(f -> new RequestDraft.Upload(f.name(), f.content())).toList()));
                files.clear();
                UI.getCurrent().navigate(ClientRequestNavigation.portalPage(r.id()));
                Notification.show(t("clientrequest.portal.raised", r.number()), 5000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException ex) {
                show(ex, fields, errors);
            }
        });
        form.add(category, subject, description, row, files, errors, buttons);
        return form;
    }

    // ---------------------------------------------------------------------------------------------- the detail

    /** One request: what happened, the thread, and what the customer can do now. */
    Component detail(UUID requestId, Component back) {
        Div page = pages.page("portal-client-request");
        load(page, requestId, back, "", null);
        return page;
    }

    private void load(Div page, UUID requestId, Component back, String typed, String message) {
        page.removeAll();
        page.add(pages.async(() -> requests.get(viewer, requestId), r -> render(page, r, back, typed, message)));
    }

    private Component render(Div page, ClientRequest r, Component back, String typed, String message) {
        Div box = new Div();
        if (back != null) {
            box.add(back);
        }
        H1 title = new H1(r.subject());
        title.setId("portal-client-request-title");
        Span number = new Span(r.number());
        number.addClassName("request-number");
        Span category = new Span(t("clientrequest.category." + r.category()));
        category.addClassName("muted");
        Div meta = new Div(number, stateBadge(r.state()), category);
        if (r.projectName() != null) {
            Span project = new Span(VaadinIcon.FOLDER_OPEN_O.create(), new Span(r.projectName()));
            project.addClassName("muted");
            project.getStyle().set("display", "inline-flex").set("align-items", "center")
                    .set("gap", "var(--lumo-space-xs)");
            meta.add(project);
        }
        Span raised = new Span(t("clientrequest.portal.raised-on", date(r.raisedAt())));
        raised.addClassName("muted");
        meta.add(raised);
        if (r.neededBy() != null) {
            Span needed = new Span(t("clientrequest.portal.needed-by", date(r.neededBy())));
            needed.addClassName("muted");
            meta.add(needed);
        }
        meta.addClassName("request-meta");
        meta.setId("portal-client-request-meta");
        Paragraph line = new Paragraph(stateLine(r));
        line.setId("portal-client-request-state");
        line.addClassName("portal-card-action");
        box.add(title, meta, line);
        if (r.description() != null && !r.description().isBlank()) {
            Paragraph d = new Paragraph(r.description());
            d.addClassName("portal-description");
            d.getStyle().set("white-space", "pre-wrap");
            box.add(d);
        }
        if (r.state() == RequestState.RESOLVED && r.resolutionNote() != null) {
            Paragraph note = new Paragraph(t("clientrequest.portal.resolution", r.resolutionNote()));
            note.setId("portal-client-request-resolution");
            note.getStyle().set("white-space", "pre-wrap");
            box.add(note);
        }
        if (!r.attachments().isEmpty()) {
            box.add(attachments(r));
        }
        box.add(heading("clientrequest.conversation"), thread(r));
        if (viewer.preview()) {
            Paragraph note = new Paragraph(t("clientrequest.portal.read-only"));
            note.addClassName("muted");
            box.add(note);
        } else if (r.state().isOpen()) {
            box.add(actions(page, r, back, typed, message));
        }
        box.add(heading("clientrequest.history"), history(r));
        return box;
    }

    /** The files the request was raised with; each download goes through the request, and is recorded. */
    private Component attachments(ClientRequest r) {
        Div list = new Div();
        list.setId("portal-client-request-attachments");
        list.addClassName("client-request-attachments");
        for (RequestAttachment a : r.attachments()) {
            Button b = new Button(a.name(), VaadinIcon.PAPERCLIP.create(), e -> {
                try {
                    Downloads.start(UI.getCurrent(), requests.attachment(viewer, r.id(), a.fileId()));
                } catch (NotFoundException ex) {
                    Notification.show(t("clientrequest.attachment-gone", a.name()), 5000,
                            Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            b.addClassName("client-request-attachment");
            list.add(b);
        }
        return list;
    }

    private Component thread(ClientRequest r) {
        Div thread = new Div();
        thread.setId("portal-client-request-thread");
        thread.addClassName("comment-list");
        boolean any = false;
        for (RequestEntry e : r.entries()) {
            // the description is shown above; the thread is what was said after
            if (e.body() == null || "RAISED".equals(e.kind())) {
                continue;
            }
            any = true;
            Span who = new Span(actor(e) + " · " + t("clientrequest.entry." + e.kind()) + " · " + when(e.at()));
            who.addClassName("muted");
            Paragraph body = new Paragraph(e.body());
            body.getStyle().set("white-space", "pre-wrap").set("margin", "0");
            Div item = new Div(who, body);
            item.addClassNames("client-request-message", e.byCustomer() ? "from-client" : "from-team");
            item.getStyle().set("margin-bottom", "var(--lumo-space-s)");
            thread.add(item);
        }
        if (!any) {
            Paragraph none = new Paragraph(t("clientrequest.portal.no-messages"));
            none.addClassName("muted");
            thread.add(none);
        }
        return thread;
    }

    private H3 heading(String key) {
        H3 h = new H3(t(key));
        h.getStyle().set("margin-top", "var(--lumo-space-l)");
        return h;
    }

    private Component history(ClientRequest r) {
        Div history = new Div();
        history.setId("portal-client-request-history");
        for (RequestEntry e : r.entries()) {
            Div row = new Div(new Span(when(e.at()) + " · " + t("clientrequest.entry." + e.kind()) + " · "
                    + actor(e)));
            row.addClassName("client-request-history-line");
            history.add(row);
        }
        return history;
    }

    /** What the customer can do in the request's state; one text box serves the answer, the reason and a message. */
    private Component actions(Div page, ClientRequest r, Component back, String typed, String message) {
        Div box = new Div();
        box.setId("portal-client-request-actions");
        box.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("max-width", "48rem");
        TextArea text = new TextArea();
        text.setId("portal-client-request-text");
        text.setWidthFull();
        text.setLabel(t(switch (r.state()) {
            case WAITING_CLIENT -> "clientrequest.portal.your-answer";
            case RESOLVED -> "clientrequest.portal.reopen-reason";
            default -> "clientrequest.portal.your-message";
        }));
        text.setValue(typed);
        Paragraph errors = errors("portal-client-request-errors");
        if (message != null) {
            errors.setText(message);
            errors.setVisible(true);
        }
        Div buttons = new Div();
        buttons.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        switch (r.state()) {
            case WAITING_CLIENT -> buttons.add(button("clientrequest.portal.answer", "portal-client-request-answer",
                    VaadinIcon.REPLY, ButtonVariant.LUMO_PRIMARY, page, r, back, text, errors,
                    () -> requests.answer(viewer, r.id(), text.getValue(), r.version())));
            case RESOLVED -> {
                buttons.add(button("clientrequest.portal.confirm", "portal-client-request-confirm", VaadinIcon.CHECK,
                        ButtonVariant.LUMO_SUCCESS, page, r, back, text, errors,
                        () -> requests.confirm(viewer, r.id(), r.version())));
                buttons.add(button("clientrequest.portal.reopen", "portal-client-request-reopen", VaadinIcon.REFRESH,
                        ButtonVariant.LUMO_CONTRAST, page, r, back, text, errors,
                        () -> requests.reopen(viewer, r.id(), text.getValue(), r.version())));
            }
            default -> buttons.add(button("clientrequest.portal.write", "portal-client-request-write",
                    VaadinIcon.COMMENT, ButtonVariant.LUMO_PRIMARY, page, r, back, text, errors,
                    () -> requests.write(viewer, r.id(), text.getValue())));
        }
        buttons.add(button("clientrequest.portal.cancel", "portal-client-request-cancel", VaadinIcon.CLOSE_SMALL,
                ButtonVariant.LUMO_ERROR, page, r, back, text, errors,
                () -> requests.cancel(viewer, r.id(), r.version())));
        box.add(text, errors, buttons);
        return box;
    }

    private Button button(String key, String id, VaadinIcon icon, ButtonVariant variant, Div page, ClientRequest r,
                          Component back, TextArea text, Paragraph errors, Supplier<ClientRequest> action) {
        Button b = new Button(t(key), icon.create());
        b.setId(id);
        b.addThemeVariants(variant);
        b.addClickListener(e -> {
            text.setInvalid(false);
            errors.setVisible(false);
            try {
                action.get();
                load(page, r.id(), back, "", null);
            } catch (InvalidInputException ex) {
                show(ex, Map.of("answer", text, "reason", text, "message", text), errors);
            } catch (StaleDataException ex) {
                // reopened or answered in another tab, or closed by its timer: show it as it is now, text kept
                load(page, r.id(), back, text.getValue(), t("clientrequest.portal.stale"));
            }
        });
        return b;
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /** The state in the client's words: whose turn it is, and by when. */
    String stateLine(ClientRequest r) {
        return switch (r.state()) {
            case QUEUED -> t("clientrequest.portal.line.QUEUED");
            case IN_PROGRESS -> t("clientrequest.portal.line.IN_PROGRESS");
            case WAITING_CLIENT -> t("clientrequest.portal.line.WAITING_CLIENT", date(r.askedAt()));
            case RESOLVED -> t("clientrequest.portal.line.RESOLVED", date(r.confirmBy()));
            case CLOSED -> t("clientrequest.portal.line.CLOSED", date(r.closedAt()));
            case CANCELLED -> t("clientrequest.portal.line.CANCELLED", date(r.closedAt()));
        };
    }

    private Span stateBadge(RequestState state) {
        Span badge = new Span(t("clientrequest.portal.state." + state.name()));
        String theme = switch (state) {
            case QUEUED, IN_PROGRESS -> "badge";
            case WAITING_CLIENT, RESOLVED -> "badge contrast";
            case CLOSED -> "badge success";
            case CANCELLED -> "badge error";
        };
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        badge.addClassName("request-status");
        return badge;
    }

    private void show(InvalidInputException e, Map<String, ? extends HasValidation> fields, Paragraph errors) {
        FormErrors form = new FormErrors(host);
        fields.forEach(form::field);
        form.show(e.problems(), errors);
    }

    private static Paragraph errors(String id) {
        Paragraph errors = new Paragraph();
        errors.setId(id);
        errors.addClassName("form-error");
        errors.setVisible(false);
        return errors;
    }

    private String actor(RequestEntry e) {
        return e.actor() == null ? t("timeline.system") : e.actor();
    }

    private String date(Instant at) {
        return at == null ? "" : pages.date(at);
    }

    private String date(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(PortalPages.locale()).format(day);
    }

    private String when(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(PortalPages.locale()).format(at.atZone(clock.getZone()));
    }

    private String t(String key, Object... args) {
        return host.getTranslation(key, args);
    }
}
