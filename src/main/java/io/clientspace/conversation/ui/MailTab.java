package io.clientspace.conversation.ui;

import io.clientspace.project.ProjectService;
import io.clientspace.project.WorkspaceRights;
import io.clientspace.shared.ui.Unavailable;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.conversation.ChatAttachment;
import io.clientspace.conversation.ChatDraft;
import io.clientspace.conversation.ConversationNavigation;
import io.clientspace.conversation.MailDraft;
import io.clientspace.conversation.MailItem;
import io.clientspace.conversation.MailService;
import io.clientspace.conversation.MailThreadSummary;
import io.clientspace.conversation.MailThreadView;
import io.clientspace.conversation.WorkspaceMailAddress;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.UploadTexts;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import java.io.File;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The workspace's e-mail: its address (copy, and rotate for those who manage it), the threads newest first with their
 * counts, and one thread at a time with reply, reply to all, forward, assign and done. The counter shows open threads.
 */
class MailTab extends WorkspaceTab<MailTab.Data> {

    record Data(WorkspaceMailAddress address, List<MailThreadSummary> threads) {
    }

    /** The Mail tab on client and project workspaces. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final MailService mail;
        private final MailActions actions;
        private final ProjectService projects;

        Provider(MailService mail, MailActions actions, ProjectService projects) {
            super(ConversationNavigation.MAIL_TAB, 64, Where.CLIENT, Where.PROJECT);
            this.mail = mail;
            this.actions = actions;
            this.projects = projects;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new MailTab(context, mail, actions, projects);
        }
    }

    private final TabContext context;
    private final MailService mail;
    private final MailActions actions;
    private final Div body = new Div();
    private UUID openThread;
    private boolean composing;
    /** The open thread's messages, redrawn on their own when a notice names the thread (the composer stays). */
    private Div threadMessages;
    private AutoCloseable subscription;

    private final ProjectService projects;
    /** What the user may do here, read with the threads (off the UI thread): a viewer reads, an editor writes. */
    private volatile WorkspaceRights rights;

    MailTab(TabContext context, MailService mail, MailActions actions, ProjectService projects) {
        super(ConversationNavigation.MAIL_TAB, "mail.tab", context.loader());
        this.context = context;
        this.projects = projects;
        this.mail = mail;
        this.actions = actions;
    }

    @Override
    protected long count() {
        return mail.openThreads(context.scope());
    }

    @Override
    protected Data fetch() {
        rights = projects.rights(context.scope());
        return new Data(mail.address(context.scope()), mail.threads(context.scope()));
    }

    @Override
    protected boolean isEmpty(Data data) {
        return false;
    }

    @Override
    protected String loadingKey() {
        return "mail.loading";
    }

    @Override
    protected Component emptyState() {
        return new Div();
    }

    @Override
    protected boolean isBusy() {
        // a half-written reply is not thrown away by a workspace refresh
        return composing;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        SecurityContext viewer = SecurityContextHolder.getContext();
        try {
            // a new mail or a changed state in this workspace, on any node: PostgreSQL NOTIFY names the thread, and
            // the tab fetches it as its viewer (DD025); no polling in the browser
            subscription = mail.subscribe(context.scope(), threadId -> ui.access(() -> {
                SecurityContext previous = SecurityContextHolder.getContext();
                SecurityContextHolder.setContext(viewer);
                try {
                    heard(threadId);
                } finally {
                    SecurityContextHolder.setContext(previous);
                }
            }));
        } catch (RuntimeException e) {
            subscription = null; // no access: the tab shows its hidden state and hears nothing
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        super.onDetach(event);
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // closing only removes a listener from a map
            }
            subscription = null;
        }
    }

    private void heard(UUID threadId) {
        refreshCounter();
        if (openThread == null) {
            refreshIfShown(); // the list, swapped in without a loading state when it changed
        } else if (openThread.equals(threadId) && threadMessages != null) {
            try {
                fillMessages(threadId, mail.thread(threadId));
            } catch (RuntimeException e) {
                // gone or no longer allowed: the next action shows why
            }
        }
    }

    @Override
    public void openWith(String argument) {
        try {
            openThread = argument == null ? null : UUID.fromString(argument);
        } catch (IllegalArgumentException e) {
            openThread = null;
        }
        super.openWith(argument);
    }

    @Override
    protected Component render(Data data) {
        Div box = new Div();
        box.addClassNames("tab-body", "mail-tab");
        box.setId("mail-tab");
        box.add(header(data.address()), body);
        if (openThread != null) {
            showThread(openThread);
        } else {
            showList(data.threads(), data.address());
        }
        return box;
    }

    private Component header(WorkspaceMailAddress address) {
        Div header = new Div();
        header.addClassName("mail-address");
        header.setId("mail-address");
        Span label = new Span(getTranslation("mail.address.label"));
        label.addClassName("muted");
        Span value = new Span(address.address());
        value.setId("mail-address-value");
        value.addClassName("mail-address-value");
        Button copy = io.clientspace.shared.ui.CopyToClipboard.onClick(
                new Button(getTranslation("mail.address.copy"), VaadinIcon.COPY_O.create()), address::address,
                () -> getTranslation("mail.address.copied", address.address()));
        copy.setId("mail-address-copy");
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        header.add(label, value, copy);
        if (address.canRotate()) {
            Button rotate = new Button(getTranslation("mail.address.rotate"), VaadinIcon.REFRESH.create(),
                    e -> confirmRotate(address));
            rotate.setId("mail-address-rotate");
            rotate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            header.add(rotate);
        }
        return header;
    }

    private void confirmRotate(WorkspaceMailAddress address) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("mail.address.rotate.title"));
        dialog.setText(getTranslation("mail.address.rotate.text", address.address()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("mail.cancel"));
        dialog.setConfirmText(getTranslation("mail.address.rotate.confirm"));
        dialog.addConfirmListener(e -> {
            WorkspaceMailAddress now = mail.rotate(context.scope());
            Notification.show(getTranslation("mail.address.rotated", now.address()));
            reload();
        });
        dialog.open();
    }

    private void showList(List<MailThreadSummary> threads, WorkspaceMailAddress address) {
        openThread = null;
        threadMessages = null;
        body.removeAll();
        if (threads.isEmpty()) {
            body.add(States.empty(VaadinIcon.ENVELOPE_O, getTranslation("mail.empty.title"),
                    getTranslation("mail.empty.text", address.address()), null));
            return;
        }
        Div list = new Div();
        list.addClassName("mail-threads");
        list.setId("mail-threads");
        for (MailThreadSummary t : threads) {
            Div row = new Div();
            row.addClassNames("mail-thread-row", t.done() ? "done" : "open");
            Span subject = new Span(t.subject().isBlank() ? getTranslation("mail.no-subject") : t.subject());
            subject.addClassName("mail-thread-subject");
            Span count = new Span(String.valueOf(t.messages()));
            count.addClassNames("badge", "mail-thread-count");
            count.getElement().setAttribute("title", getTranslation("mail.messages", t.messages()));
            Div top = new Div(subject, count);
            top.addClassName("mail-thread-top");
            if (t.done()) {
                top.add(badge("mail.state.done", "success"));
            }
            if (t.notSent() > 0) {
                top.add(badge("mail.state.not-sent", "error"));
            }
            if (t.automatic()) {
                top.add(badge("mail.marker.AUTO", "contrast"));
            }
            Span meta = new Span(String.join(" · ", List.of(t.lastFrom() == null ? "" : t.lastFrom(), when(t.lastAt()),
                    t.assigneeName() == null ? getTranslation("mail.unassigned")
                            : getTranslation("mail.assigned-to", t.assigneeName())).stream()
                    .filter(s -> !s.isBlank()).toList()));
            meta.addClassName("muted");
            row.add(top, meta);
            row.addClickListener(e -> showThread(t.id()));
            row.getElement().setAttribute("tabindex", "0");
            row.getElement().setAttribute("role", "button");
            list.add(row);
        }
        body.add(list);
    }

    private Span badge(String key, String theme) {
        Span s = new Span(getTranslation(key));
        s.getElement().getThemeList().add("badge " + theme);
        return s;
    }

    private void showThread(UUID threadId) {
        openThread = threadId;
        composing = false;
        body.removeAll();
        MailThreadView thread;
        try {
            thread = mail.thread(threadId);
        } catch (RuntimeException e) {
            openThread = null;
            body.add(States.error(getTranslation("mail.thread.gone"), "", this::reload, getTranslation("mail.back")));
            return;
        }
        Div view = new Div();
        view.addClassName("mail-thread");
        view.setId("mail-thread");
        Button back = new Button(getTranslation("mail.back"), VaadinIcon.ARROW_LEFT.create(), e -> reload());
        back.setId("mail-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        H3 title = new H3(thread.subject().isBlank() ? getTranslation("mail.no-subject") : thread.subject());
        title.addClassName("mail-thread-title");

        ComboBox<StaffMember> assignee = new ComboBox<>(getTranslation("mail.assignee"));
        assignee.setId("mail-assignee");
        assignee.setItems(mail.assignable(threadId));
        assignee.setItemLabelGenerator(StaffMember::displayName);
        assignee.setClearButtonVisible(true);
        assignee.setPlaceholder(getTranslation("mail.unassigned"));
        assignee.getListDataView().getItems().filter(m -> m.username().equals(thread.assignee())).findFirst()
                .ifPresent(assignee::setValue);
        assignee.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                mail.assign(threadId, e.getValue() == null ? null : e.getValue().username());
                Notification.show(e.getValue() == null ? getTranslation("mail.unassigned")
                        : getTranslation("mail.assigned-to", e.getValue().displayName()));
            } catch (InvalidInputException ex) {
                assignee.setErrorMessage(problems(ex));
                assignee.setInvalid(true);
            }
        });
        Button done = new Button(getTranslation(thread.done() ? "mail.reopen" : "mail.mark-done"),
                (thread.done() ? VaadinIcon.ROTATE_LEFT : VaadinIcon.CHECK).create(), e -> {
            mail.setDone(threadId, !thread.done());
            context.countersChanged().run();
            refreshCounter();
            showThread(threadId);
        });
        done.setId("mail-done");
        if (rights != null && !rights.work()) {
            Unavailable.needsEditor(done, rights.askName());
            assignee.setReadOnly(true);
        }
        Div tools = new Div(assignee, done);
        tools.addClassName("mail-thread-tools");
        actions.extra(thread, this::problems).forEach(tools::add);
        view.add(back, title, tools);
        if (thread.archived()) {
            Paragraph note = new Paragraph(getTranslation("mail.archived-note"));
            note.addClassName("muted");
            view.add(note);
        }
        threadMessages = new Div();
        threadMessages.addClassName("mail-thread-messages");
        threadMessages.setId("mail-thread-messages");
        fillMessages(threadId, thread);
        view.add(threadMessages);
        Div composer = new Div();
        composer.addClassName("mail-composer");
        Button reply = new Button(getTranslation("mail.reply"), VaadinIcon.REPLY.create(),
                e -> compose(composer, threadId, MailDraft.Mode.REPLY));
        reply.setId("mail-reply");
        reply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button replyAll = new Button(getTranslation("mail.reply-all"), VaadinIcon.REPLY_ALL.create(),
                e -> compose(composer, threadId, MailDraft.Mode.REPLY_ALL));
        replyAll.setId("mail-reply-all");
        Button forward = new Button(getTranslation("mail.forward"), VaadinIcon.ARROW_FORWARD.create(),
                e -> compose(composer, threadId, MailDraft.Mode.FORWARD));
        forward.setId("mail-forward");
        Div buttons = new Div(reply, replyAll, forward);
        buttons.addClassName("mail-actions");
        WorkspaceRights r = rights;
        if (r != null && !r.work()) {
            for (Button b : List.of(reply, replyAll, forward)) {
                Unavailable.needsEditor(b, r.askName());
            }
            buttons.add(Unavailable.readOnly(this, "mail-read-only", r.askName()));
        }
        view.add(buttons, composer);
        body.add(view);
    }

    private void fillMessages(UUID threadId, MailThreadView thread) {
        threadMessages.removeAll();
        for (MailItem m : thread.messages()) {
            threadMessages.add(message(threadId, m));
        }
    }

    private Component message(UUID threadId, MailItem m) {
        Div card = new Div();
        card.addClassNames("mail-message", m.outgoing() ? "out" : "in");
        Span from = new Span(m.outgoing() ? getTranslation("mail.from-us", m.authorName() == null ? ""
                : m.authorName()) : (m.fromName() == null || m.fromName().isBlank() ? String.valueOf(m.fromAddress())
                : m.fromName() + " <" + m.fromAddress() + ">"));
        from.addClassName("mail-from");
        Div head = new Div(from);
        head.addClassName("mail-message-head");
        if (!m.outgoing()) {
            head.add(badge("mail.sender." + m.senderKind().name(),
                    m.senderKind() == MailItem.SenderKind.UNKNOWN ? "contrast" : "success"));
        }
        if (m.marker() != null) {
            head.add(badge("mail.marker." + m.marker(), "contrast"));
        }
        Span at = new Span(when(m.at()));
        at.addClassName("muted");
        head.add(at);
        card.add(head);
        if (!m.to().isEmpty()) {
            Span to = new Span(getTranslation("mail.to", String.join(", ", m.to()))
                    + (m.cc().isEmpty() ? "" : " · " + getTranslation("mail.cc", String.join(", ", m.cc()))));
            to.addClassNames("muted", "mail-recipients");
            card.add(to);
        }
        for (MailItem.Note note : m.notes()) {
            Paragraph p = new Paragraph(getTranslation(note.key(), note.args().toArray()));
            p.addClassNames("mail-note");
            card.add(p);
        }
        if (m.text() != null && !m.text().isBlank()) {
            Div text = new Div();
            text.addClassName("mail-text");
            text.setText(m.text());
            card.add(text);
        } else if (m.html() != null) {
            Div html = new Div();
            html.addClassName("mail-html");
            // cleaned with a jsoup Safelist when it was received: no scripts, styles or remote images
            html.getElement().setProperty("innerHTML", m.html());
            card.add(html);
        }
        if (m.headers() != null) {
            Pre headers = new Pre(m.headers());
            headers.addClassName("mail-headers");
            card.add(headers);
        }
        if (!m.attachments().isEmpty()) {
            Div files = new Div();
            files.addClassName("mail-attachments");
            for (ChatAttachment a : m.attachments()) {
                Button link = new Button(a.name(), VaadinIcon.PAPERCLIP.create(), e -> {
                    String url = mail.attachmentLink(threadId, a.fileId());
                    UI.getCurrent().getPage().open(url, "_blank");
                });
                link.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                files.add(link);
            }
            card.add(files);
        }
        if (m.notSent()) {
            Div failed = new Div();
            failed.addClassName("mail-not-sent");
            failed.add(badge("mail.state.not-sent", "error"));
            if (m.sendReason() != null) {
                Span reason = new Span(getTranslation(m.sendReason()));
                reason.addClassName("mail-not-sent-reason");
                failed.add(reason);
            }
            if (m.sendError() != null) {
                Span error = new Span(m.sendError());
                error.addClassNames("muted", "mail-not-sent-detail");
                failed.add(error);
            }
            Button retry = new Button(getTranslation("mail.retry"), VaadinIcon.REFRESH.create(), e -> {
                try {
                    MailItem again = mail.retry(m.id());
                    Notification.show(getTranslation(again.notSent() ? "mail.still-not-sent" : "mail.sent"));
                } catch (InvalidInputException ex) {
                    Notification.show(problems(ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
                showThread(threadId);
            });
            retry.addClassName("mail-retry");
            failed.add(retry);
            card.add(failed);
        }
        return card;
    }

    private void compose(Div composer, UUID threadId, MailDraft.Mode mode) {
        composing = true;
        composer.removeAll();
        List<ChatDraft.Upload> uploads = new ArrayList<>();
        TextField to = new TextField(getTranslation("mail.forward-to"));
        to.setId("mail-forward-to");
        to.setWidthFull();
        TextArea text = new TextArea(getTranslation("mail.compose." + mode.name()));
        text.setId("mail-text");
        text.setWidthFull();
        text.setMaxLength(MailService.TEXT_MAX);
        text.setMinHeight("8em");
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> ui.access(() ->
                uploads.add(new ChatDraft.Upload(metadata.fileName(), file.toPath())))));
        upload.setId("mail-upload");
        upload.setMaxFiles(10);
        upload.setI18n(UploadTexts.of(this));
        upload.setUploadButton(new Button(getTranslation("mail.attach"), VaadinIcon.PAPERCLIP.create()));
        upload.addFileRemovedListener(e -> uploads.removeIf(u -> u.originalName().equals(e.getFileName())));
        Span attachmentError = new Span();
        attachmentError.addClassName("error-text");
        attachmentError.setId("mail-attachment-error");
        Button send = new Button(getTranslation("mail.send"), VaadinIcon.PAPERPLANE.create());
        send.setId("mail-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> {
            text.setInvalid(false);
            to.setInvalid(false);
            attachmentError.setText("");
            try {
                MailItem sent = mail.send(threadId, new MailDraft(mode, to.getValue(), text.getValue(),
                        List.copyOf(uploads)));
                uploads.forEach(MailTab::deleteQuietly);
                composing = false;
                if (sent.notSent()) {
                    Notification.show(getTranslation("mail.not-sent-kept"))
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                } else {
                    Notification.show(getTranslation("mail.sent"));
                }
                showThread(threadId);
            } catch (InvalidInputException ex) {
                // what was typed stays, with the reason under the field it is about
                String textProblems = problems(ex, "text");
                String toProblems = problems(ex, "to");
                String fileProblems = problems(ex, "attachment");
                if (!textProblems.isEmpty()) {
                    text.setErrorMessage(textProblems);
                    text.setInvalid(true);
                }
                if (!toProblems.isEmpty()) {
                    to.setErrorMessage(toProblems);
                    to.setInvalid(true);
                }
                attachmentError.setText(fileProblems);
            }
        });
        Button cancel = new Button(getTranslation("mail.cancel"), e -> {
            uploads.forEach(MailTab::deleteQuietly);
            composing = false;
            composer.removeAll();
        });
        cancel.setId("mail-cancel");
        if (mode == MailDraft.Mode.FORWARD) {
            composer.add(to);
        }
        Div buttons = new Div(send, cancel);
        buttons.addClassName("mail-actions");
        composer.add(text, upload, attachmentError, buttons);
        text.focus();
    }

    private static void deleteQuietly(ChatDraft.Upload u) {
        File f = u.content().toFile();
        if (f.exists() && !f.delete()) {
            f.deleteOnExit();
        }
    }

    private String when(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(context.clock().getZone()).format(at);
    }

    private String problems(InvalidInputException e) {
        return e.problems().stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                .collect(Collectors.joining(" "));
    }

    private String problems(InvalidInputException e, String field) {
        return e.problems().stream().filter(p -> field.equals(p.field()))
                .map(p -> getTranslation(p.messageKey(), p.args().toArray())).collect(Collectors.joining(" "));
    }

}
