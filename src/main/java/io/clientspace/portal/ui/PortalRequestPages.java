package io.clientspace.portal.ui;

import io.clientspace.inforequest.RequestNavigation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.clientspace.file.StorageUnavailableException;
import io.clientspace.inforequest.InformationRequest;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.ItemKind;
import io.clientspace.inforequest.ItemState;
import io.clientspace.inforequest.Outcome;
import io.clientspace.inforequest.RequestItem;
import io.clientspace.inforequest.RequestStatus;
import io.clientspace.portal.PortalRequests;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.FormErrors;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.UploadTexts;
import java.io.File;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The portal's Requests pages as components, for the customer's routes and for a manager's read-only "view as
 * client": the list with the tabs Open and Completed, and one request, where the customer answers questions, uploads
 * files and submits. What the customer typed stays in the form when the server refuses it.
 */
final class PortalRequestPages {

    private final PortalRequests requests;
    private final PortalPages pages;
    private final Clock clock;
    private final CustomerScope viewer;
    private final Component host;
    /** Opens a card in place (preview), where cards have no links. */
    private Consumer<UUID> opener;

    PortalRequestPages(PortalRequests requests, PortalPages pages, Clock clock, CustomerScope viewer, Component host) {
        this.requests = requests;
        this.pages = pages;
        this.clock = clock;
        this.viewer = viewer;
        this.host = host;
    }

    static String path(UUID requestId) {
        return RequestNavigation.portalPage(requestId);
    }

    /**
     * The requests as cards under Open and Completed.
     *
     * @param href links a card to its request's page; null to open it with {@code open} instead (preview)
     */
    Component list(Function<UUID, String> href, Consumer<UUID> open) {
        this.opener = open;
        Div page = new Div();
        page.setId("portal-requests");
        page.addClassName("portal-page");
        page.add(new H1(t("portal.requests.title")));
        page.add(pages.async(() -> requests.list(viewer), list -> {
            if (list.isEmpty()) {
                return States.empty(VaadinIcon.QUESTION_CIRCLE_O, t("portal.requests.none.title"),
                        t("portal.requests.none.text"), null);
            }
            TabSheet tabs = new TabSheet();
            tabs.setId("portal-requests-tabs");
            tabs.setWidthFull();
            List<InformationRequest> waiting = list.stream().filter(r -> r.status().isOpen()).toList();
            List<InformationRequest> done = list.stream().filter(r -> !r.status().isOpen()).toList();
            tabs.add(t("portal.requests.tab.open", waiting.size()), cards(waiting, "open", href))
                    .setId("portal-requests-tab-open");
            tabs.add(t("portal.requests.tab.completed", done.size()), cards(done, "completed", href))
                    .setId("portal-requests-tab-completed");
            return tabs;
        }));
        return page;
    }

    /** One request: its items, answers and, while it is open, the form to answer and submit. */
    Component detail(UUID requestId, Component back) {
        Div page = new Div();
        page.setId("portal-request");
        page.addClassName("portal-page");
        show(page, requestId, back);
        return page;
    }

    // ------------------------------------------------------------------------------------------------ the list

    private Component cards(List<InformationRequest> list, String which, Function<UUID, String> href) {
        if (list.isEmpty()) {
            boolean open = which.equals("open");
            return States.empty(VaadinIcon.CHECK_CIRCLE_O, t(open ? "portal.requests.none-open.title"
                    : "portal.requests.none-completed.title"), t(open ? "portal.requests.none-open.text"
                    : "portal.requests.none-completed.text"), null);
        }
        Div cards = new Div();
        cards.addClassName("portal-cards");
        cards.setId("portal-requests-" + which);
        list.forEach(r -> cards.add(card(r, href)));
        return cards;
    }

    private Component card(InformationRequest r, Function<UUID, String> href) {
        Span number = new Span(r.number());
        number.addClassName("request-number");
        Div top = new Div(number, statusBadge(r.status()));
        top.addClassName("request-card-top");
        H3 title = new H3(r.title());
        Paragraph project = new Paragraph(r.projectName());
        project.addClassName("portal-card-text");
        Div progress = progress(r);
        Span sent = new Span(VaadinIcon.CALENDAR.create(), new Span(t("portal.requests.sent-on", date(r.sentAt()))));
        sent.addClassName("portal-card-count");
        Component card;
        if (href != null) {
            card = new Anchor(href.apply(r.id()), top, title, project, progress, sent);
        } else {
            Div d = new Div(top, title, project, progress, sent);
            d.addClickListener(e -> opener.accept(r.id()));
            card = d;
        }
        card.addClassName("portal-card");
        card.addClassName("portal-request-card");
        card.getElement().setAttribute("data-number", r.number());
        return card;
    }

    private Div progress(InformationRequest r) {
        ProgressBar bar = new ProgressBar(0, 1, r.progress());
        bar.addClassName("request-progress-bar");
        bar.getElement().setAttribute("aria-label", t("portal.requests.progress", r.accepted(), r.total()));
        Span text = new Span(t("portal.requests.progress", r.accepted(), r.total()));
        text.addClassName("request-progress-text");
        Div box = new Div(bar, text);
        box.addClassName("request-progress");
        return box;
    }

    private Span statusBadge(RequestStatus status) {
        Span badge = new Span(t("inforequest.statuses." + status.name()));
        badge.getElement().getThemeList().addAll(List.of(status.badgeTheme().split(" ")));
        badge.addClassName("request-status");
        return badge;
    }

    // ---------------------------------------------------------------------------------------------- the detail

    private void show(Div page, UUID requestId, Component back) {
        page.removeAll();
        page.add(pages.async(() -> requests.get(viewer, requestId), r -> render(page, r, back)));
    }

    private Component render(Div page, InformationRequest r, Component back) {
        Div box = new Div();
        if (back != null) {
            box.add(back);
        }
        H1 title = new H1(r.title());
        title.setId("portal-request-title");
        Span number = new Span(r.number());
        number.addClassName("request-number");
        Span project = new Span(VaadinIcon.FOLDER_OPEN_O.create(), new Span(r.projectName()));
        project.addClassName("muted");
        Span sent = new Span(t("portal.requests.sent-on", date(r.sentAt())));
        sent.addClassName("muted");
        Div meta = new Div(number, statusBadge(r.status()), project, sent);
        meta.addClassName("request-meta");
        meta.setId("portal-request-meta");
        box.add(title, meta, progress(r));
        if (r.status().isClosed()) {
            Paragraph closed = new Paragraph(t(r.status() == RequestStatus.COMPLETED
                    ? "portal.request.completed-note" : "portal.request.cancelled-note"));
            closed.setId("portal-request-closed");
            closed.addClassName("request-closed-note");
            box.add(closed);
        }
        boolean answering = r.status().isOpen() && !viewer.preview();
        Map<UUID, TextArea> typed = new LinkedHashMap<>();
        Map<UUID, RequestItem> answerable = new LinkedHashMap<>();
        Div list = new Div();
        list.addClassName("request-items");
        list.setId("portal-request-items");
        for (RequestItem item : r.items()) {
            boolean editable = answering && item.state().waitsOnCustomer();
            if (editable) {
                answerable.put(item.id(), item);
            }
            list.add(itemCard(r, item, editable, typed));
        }
        box.add(list);
        if (viewer.preview()) {
            Paragraph note = new Paragraph(t("portal.request.read-only"));
            note.addClassName("muted");
            box.add(note);
        } else if (!answerable.isEmpty()) {
            Paragraph errors = new Paragraph();
            errors.setId("portal-request-errors");
            errors.addClassName("form-error");
            errors.setVisible(false);
            Button submit = new Button(t("portal.request.submit"), VaadinIcon.PAPERPLANE.create());
            submit.setId("portal-request-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setDisableOnClick(true);
            submit.addClickListener(e -> submit(page, r, answerable, typed, errors, submit, back));
            Paragraph hint = new Paragraph(t("portal.request.submit-hint"));
            hint.addClassName("muted");
            box.add(errors, hint, submit);
        }
        return box;
    }

    private Component itemCard(InformationRequest r, RequestItem item, boolean editable, Map<UUID, TextArea> typed) {
        Span prompt = new Span(item.position() + ". " + item.prompt());
        prompt.addClassName("request-item-prompt");
        Span state = new Span(t("inforequest.item-states." + item.state().name()));
        state.getElement().getThemeList().addAll(List.of(item.state().badgeTheme().split(" ")));
        state.addClassName("request-item-state");
        Span kind = new Span(t("inforequest.kinds." + item.kind().name()));
        kind.addClassName("muted");
        Div head = new Div(prompt, state, kind);
        head.addClassName("request-item-head");
        if (item.due() != null) {
            Span due = new Span(t("portal.request.due", date(item.due())));
            due.addClassName("muted");
            head.add(due);
        }
        Div card = new Div(head);
        card.addClassName("request-item");
        card.addClassName("request-item-" + item.state().name().toLowerCase(Locale.ROOT));
        card.setId("request-item-" + item.position());
        if (item.reviewComment() != null && item.state() == ItemState.RETURNED) {
            Paragraph comment = new Paragraph(t("portal.request.returned-comment", item.reviewedByName(),
                    item.reviewComment()));
            comment.addClassName("request-returned-comment");
            card.add(comment);
        }
        if (!editable) {
            if (item.hasAnswer()) {
                Paragraph answer = new Paragraph(item.kind() == ItemKind.FILE ? item.fileName() : item.answerText());
                answer.addClassName("request-item-answer");
                card.add(answer);
            }
            return card;
        }
        if (item.kind() == ItemKind.QUESTION) {
            TextArea answer = new TextArea();
            answer.setId("request-answer-" + item.position());
            answer.setLabel(t("portal.request.answer"));
            answer.setWidthFull();
            answer.setMaxLength(InformationRequestService.ANSWER_MAX);
            // a returned answer is there to be corrected, not typed again from scratch
            answer.setValue(nz(item.answerText()));
            typed.put(item.id(), answer);
            card.add(answer);
        } else {
            card.add(upload(r, item));
        }
        return card;
    }

    /** A file goes to storage as soon as it is dropped; it waits on the item until the customer submits. */
    private Component upload(InformationRequest r, RequestItem item) {
        Span chosen = new Span(item.awaitingScan() ? t("portal.request.file-awaiting-scan", item.fileName())
                : item.answerReady() ? t("portal.request.file-ready", item.fileName())
                : item.fileName() != null ? t("portal.request.file-returned", item.fileName())
                : t("portal.request.no-file"));
        chosen.addClassName("request-file-name");
        chosen.setId("request-file-" + item.position());
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.setId("request-file-error-" + item.position());
        error.setVisible(false);
        SecurityContext user = SecurityContextHolder.getContext();
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            String problem = store(user, r.id(), item.id(), metadata.fileName(), file);
            ui.access(() -> {
                error.setVisible(problem != null);
                error.setText(problem == null ? "" : problem);
                if (problem == null) {
                    chosen.setText(t("portal.request.file-ready", metadata.fileName()));
                }
            });
        }));
        upload.setId("request-upload-" + item.position());
        upload.setMaxFiles(1);
        upload.setDropAllowed(true);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, requests.maxUploadBytes()));
        upload.setI18n(UploadTexts.of(host));
        upload.addFileRejectedListener(e -> {
            error.setVisible(true);
            error.setText(t("file.rejected", e.getFileName(), e.getErrorMessage()));
        });
        // another file for the same item replaces the first, so the list must not fill up
        upload.addSucceededListener(e -> upload.clearFileList());
        Div box = new Div(upload, chosen, error);
        box.addClassName("request-upload");
        return box;
    }

    /** Stores one file; returns what to tell the customer when it was refused, null when it was stored. */
    private String store(SecurityContext user, UUID requestId, UUID itemId, String name, File file) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(user);
        try {
            requests.upload(viewer, requestId, itemId, name, file.toPath());
            return null;
        } catch (InvalidInputException e) {
            return e.problems().stream().map(p -> t(p.messageKey(), p.args().toArray()))
                    .collect(Collectors.joining(" "));
        } catch (StorageUnavailableException e) {
            return t("file.error.storage", name);
        } catch (NotFoundException e) {
            return t("portal.not-found.text");
        } finally {
            SecurityContextHolder.setContext(previous);
            if (!file.delete()) {
                file.deleteOnExit();
            }
        }
    }

    private void submit(Div page, InformationRequest r, Map<UUID, RequestItem> answerable,
                        Map<UUID, TextArea> typed, Paragraph errors, Button submit, Component back) {
        Map<UUID, String> answers = new LinkedHashMap<>();
        answerable.keySet().forEach(id -> answers.put(id, typed.containsKey(id) ? typed.get(id).getValue() : null));
        typed.values().forEach(a -> a.setInvalid(false));
        errors.setVisible(false);
        try {
            Outcome outcome = requests.submit(viewer, r.id(), answers);
            Notification.show(t(outcome == Outcome.DONE ? "portal.request.submitted"
                            : "portal.request.already-submitted"), 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show(page, r.id(), back);
        } catch (InvalidInputException e) {
            submit.setEnabled(true);
            FormErrors form = new FormErrors(host);
            typed.forEach((item, field) -> form.field("item-" + item, field));
            form.show(e.problems(), errors);
        }
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private String date(TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale());
        return value instanceof Instant i ? f.format(i.atZone(clock.getZone())) : f.format((LocalDate) value);
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String t(String key, Object... args) {
        return host.getTranslation(key, args);
    }
}
