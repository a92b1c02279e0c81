package io.clientspace.conversation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadHandler;
import io.clientspace.conversation.ChatAttachment;
import io.clientspace.conversation.ChatDraft;
import io.clientspace.conversation.ChatMessage;
import io.clientspace.conversation.ChatPage;
import io.clientspace.conversation.ChatService;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.UploadTexts;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One chat channel on a page: its history (newest at the bottom, "load older" above), search, and a form to write.
 * New messages from anyone, on any app node, appear while the panel is open; they arrive as a channel id and a
 * message id (PostgreSQL NOTIFY) and the panel fetches the message through its {@link Source}, as the viewer. The
 * staff workspace's Chat tab and the portal's Messages page both show it.
 */
public class ChatPanel extends Div {

    /** What the panel reads and writes through: the chat service, as staff or as a customer. */
    public interface Source {

        ChatPage history(Long beforeSeq);

        List<ChatMessage> search(String text);

        Optional<ChatMessage> message(UUID messageId);

        ChatMessage post(String text, UUID replyTo, List<ChatDraft.Upload> attachments);

        void markRead(long seq);

        /** A download link for an attachment. */
        String attachmentLink(UUID fileId);

        /** Whether the viewer may write (a manager's "view as client" may not). */
        default boolean canWrite() {
            return true;
        }

        /** Why the viewer may not write, and whom to ask, shown in place of the form; null to show nothing. */
        default String whyNotWrite() {
            return null;
        }

        /** Whether the viewer may attach files (staff, and customers writing in the portal). */
        default boolean canAttach() {
            return false;
        }

        /** Whether the viewer's own messages offer edit and delete here (staff; the portal does not). */
        default boolean canChange() {
            return false;
        }

        /** The authors' own edit; only staff edit here. */
        default ChatMessage edit(UUID messageId, String text) {
            throw new UnsupportedOperationException();
        }

        default ChatMessage delete(UUID messageId) {
            throw new UnsupportedOperationException();
        }

        /** The viewer's username for "@username" highlighting, or null. */
        default String mentionName() {
            return null;
        }

        /** Calls {@code onMessage} (on another thread) with each new or changed message's id until closed. */
        AutoCloseable subscribe(Consumer<UUID> onMessage);

        /** Called after the viewer wrote or read, e.g. to refresh a counter. */
        default void changed() {
        }
    }

    /** How many older pages a jump to a found message loads before it shows that message's own page instead. */
    static final int JUMP_PAGES = 10;

    private final Source source;
    private final ZoneId zone;
    private final TextField search = new TextField();
    private final Div newer = new Div();
    /** The list shows an older stretch of the channel (after a jump), not its newest messages. */
    private boolean detached;
    private final Div list = new Div();
    private final Div older = new Div();
    private final Div searchResults = new Div();
    private final Map<UUID, Div> shown = new LinkedHashMap<>();
    private final TextArea text = new TextArea();
    private final Div replyBar = new Div();
    private final Div pending = new Div();
    private final List<ChatDraft.Upload> uploads = new ArrayList<>();
    private Long oldestSeq;
    private long newestSeq;
    private UUID replyTo;
    private AutoCloseable subscription;
    private Upload uploader;

    public ChatPanel(Source source, ZoneId zone) {
        this.source = source;
        this.zone = zone;
        addClassName("chat-panel");
        setId("chat-panel");
        list.addClassName("chat-list");
        list.setId("chat-list");
        older.addClassName("chat-older");
        searchResults.setId("chat-search-results");
        searchResults.setVisible(false);
        newer.addClassName("chat-newer");
        newer.setVisible(false);
        add(searchBar(), searchResults, older, list, newer);
        if (source.canWrite()) {
            add(form());
        } else if (source.whyNotWrite() != null) {
            add(io.clientspace.shared.ui.Unavailable.line("chat-read-only", source.whyNotWrite()));
        }
        loadNewest();
    }

    private Component searchBar() {
        search.setId("chat-search");
        search.setPlaceholder(getTranslation("chat.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> showSearch(e.getValue()));
        search.addClassName("chat-search");
        return search;
    }

    private void showSearch(String needle) {
        searchResults.removeAll();
        boolean searching = needle != null && !needle.isBlank();
        searchResults.setVisible(searching);
        list.setVisible(!searching);
        older.setVisible(!searching);
        newer.setVisible(!searching && detached);
        if (!searching) {
            return;
        }
        List<ChatMessage> found = source.search(needle);
        if (found.isEmpty()) {
            Button back = new Button(getTranslation("chat.search.clear"), e -> search.clear());
            back.setId("chat-search-clear");
            searchResults.add(States.empty(VaadinIcon.SEARCH, getTranslation("chat.search.none", needle.strip()),
                    getTranslation("chat.search.none.text"), back));
            return;
        }
        Paragraph summary = new Paragraph(getTranslation("chat.search.results", found.size(), needle.strip()));
        summary.addClassName("muted");
        summary.setId("chat-search-summary");
        searchResults.add(summary);
        for (ChatMessage m : found) {
            searchResults.add(hit(m, needle.strip()));
        }
    }

    /** A found message: who and when, the text around each match with the match marked, and a way to it. */
    private Div hit(ChatMessage m, String needle) {
        Div item = new Div();
        item.addClassNames("chat-message", "chat-hit", m.fromCustomer() ? "from-customer" : "from-team");
        item.setId("chat-hit-" + m.id());
        Span who = new Span(m.authorName());
        who.addClassName("chat-author");
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        Span when = new Span(format.format(m.createdAt().atZone(zone)));
        when.addClassName("muted");
        Button show = small("chat.search.show", VaadinIcon.ARROW_RIGHT, e -> jumpTo(m));
        show.addClassName("chat-hit-show");
        Div head = new Div(who, when, show);
        head.addClassName("chat-head");
        Div snippet = new Div();
        snippet.addClassName("chat-snippet");
        highlight(snippet, m.body() == null ? "" : m.body(), needle);
        item.add(head, snippet);
        return item;
    }

    /**
     * Writes the text around the matches into {@code into} as text nodes with each match in a {@code <mark>}: the
     * text is never parsed as HTML, so nothing a message holds can become markup here.
     */
    static void highlight(Div into, String body, String needle) {
        String flat = body.replaceAll("\\s+", " ").strip();
        String lower = flat.toLowerCase(java.util.Locale.ROOT);
        String n = needle.toLowerCase(java.util.Locale.ROOT);
        int first = n.isEmpty() ? -1 : lower.indexOf(n);
        int from = first < 0 ? 0 : Math.max(0, first - 60);
        int to = Math.min(flat.length(), Math.max(from + 200, first < 0 ? 0 : first + n.length() + 140));
        var element = into.getElement();
        if (from > 0) {
            element.appendChild(com.vaadin.flow.dom.Element.createText("\u2026"));
        }
        int at = from;
        while (!n.isEmpty()) {
            int hit = lower.indexOf(n, at);
            if (hit < 0 || hit + n.length() > to) {
                break;
            }
            element.appendChild(com.vaadin.flow.dom.Element.createText(flat.substring(at, hit)));
            element.appendChild(new com.vaadin.flow.dom.Element("mark").setText(flat.substring(hit, hit + n.length())));
            at = hit + n.length();
        }
        element.appendChild(com.vaadin.flow.dom.Element.createText(flat.substring(at, to)));
        if (to < flat.length()) {
            element.appendChild(com.vaadin.flow.dom.Element.createText("\u2026"));
        }
    }

    /**
     * Leaves the search and shows the message in the channel, marked for a moment. Older pages are loaded until it is
     * there (keyset, {@link #JUMP_PAGES} at most); a message further back is shown on its own page, with a way back to
     * the newest messages.
     */
    private void jumpTo(ChatMessage m) {
        search.clear();
        int pages = 0;
        while (!shown.containsKey(m.id()) && oldestSeq != null && m.seq() < oldestSeq && pages < JUMP_PAGES) {
            loadOlder();
            pages++;
        }
        if (!shown.containsKey(m.id())) {
            showAround(m);
        }
        Div item = shown.get(m.id());
        if (item != null) {
            shown.values().forEach(d -> d.removeClassName("chat-jumped"));
            item.addClassName("chat-jumped");
            item.scrollIntoView();
        }
    }

    private void showAround(ChatMessage m) {
        ChatPage page = source.history(m.seq() + 1);
        list.removeAll();
        shown.clear();
        for (ChatMessage x : page.messages()) {
            Div item = render(x, true);
            shown.put(x.id(), item);
            list.add(item);
        }
        oldestSeq = page.oldestSeq();
        showOlderButton(page.hasOlder());
        detached = true;
        newer.removeAll();
        Button latest = new Button(getTranslation("chat.jump.latest"), VaadinIcon.ARROW_DOWN.create(), e -> {
            newer.removeAll();
            newer.setVisible(false);
            loadNewest();
        });
        latest.setId("chat-jump-latest");
        latest.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        newer.add(latest);
        newer.setVisible(true);
    }

    private void loadNewest() {
        detached = false;
        newer.removeAll();
        newer.setVisible(false);
        ChatPage page = source.history(null);
        list.removeAll();
        shown.clear();
        if (page.messages().isEmpty()) {
            list.add(States.empty(VaadinIcon.CHAT, getTranslation("chat.none.title"),
                    getTranslation("chat.none.text"), null));
        }
        for (ChatMessage m : page.messages()) {
            append(m);
        }
        oldestSeq = page.oldestSeq();
        showOlderButton(page.hasOlder());
        markRead();
    }

    private void showOlderButton(boolean hasOlder) {
        older.removeAll();
        if (hasOlder) {
            Button more = new Button(getTranslation("chat.load-older"), VaadinIcon.ARROW_UP.create(),
                    e -> loadOlder());
            more.setId("chat-load-older");
            more.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            older.add(more);
        }
    }

    private void loadOlder() {
        if (oldestSeq == null) {
            return;
        }
        ChatPage page = source.history(oldestSeq);
        List<ChatMessage> messages = page.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage m = messages.get(i);
            Div item = render(m, true);
            shown.put(m.id(), item);
            list.addComponentAsFirst(item);
        }
        if (page.oldestSeq() != null) {
            oldestSeq = page.oldestSeq();
        }
        showOlderButton(page.hasOlder());
    }

    private void append(ChatMessage m) {
        if (shown.isEmpty()) {
            list.removeAll(); // the empty state
        }
        Div item = render(m, true);
        Div existing = shown.get(m.id());
        if (existing != null) {
            list.replace(existing, item);
        } else {
            list.add(item);
        }
        shown.put(m.id(), item);
        newestSeq = Math.max(newestSeq, m.seq());
        item.scrollIntoView();
    }

    private void markRead() {
        if (newestSeq > 0) {
            source.markRead(newestSeq);
            source.changed();
        }
    }

    private Div render(ChatMessage m, boolean actions) {
        Div item = new Div();
        item.addClassNames("chat-message", m.fromCustomer() ? "from-customer" : "from-team");
        item.setId("chat-message-" + m.id());
        if (m.mine()) {
            item.addClassName("mine");
        }
        Span who = new Span(m.authorName());
        who.addClassName("chat-author");
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        Span when = new Span(format.format(m.createdAt().atZone(zone)));
        when.addClassName("muted");
        Div head = new Div(who, when);
        head.addClassName("chat-head");
        if (m.edited()) {
            Span edited = new Span(getTranslation("chat.edited"));
            edited.addClassNames("muted", "chat-edited");
            head.add(edited);
        }
        String me = source.mentionName();
        if (me != null && m.body() != null && !m.mine() && m.body().contains("@" + me)) {
            item.addClassName("mentions-me");
            Span badge = new Span(getTranslation("chat.mentions-you"));
            badge.getElement().getThemeList().add("badge contrast small");
            head.add(badge);
        }
        item.add(head);
        if (m.quote() != null) {
            Div quote = new Div();
            quote.addClassName("chat-quote");
            Span qWho = new Span(m.quote().authorName());
            qWho.addClassName("chat-author");
            quote.add(qWho, new Span(" " + (m.quote().deleted() ? getTranslation("chat.deleted")
                    : m.quote().excerpt())));
            item.add(quote);
        }
        if (m.deleted()) {
            Paragraph gone = new Paragraph(getTranslation("chat.deleted"));
            gone.addClassNames("muted", "chat-deleted");
            item.add(gone);
            return item;
        }
        // the service rendered the Markdown subset to HTML from escaped text and cleaned it with an allow-list
        Html body = new Html("<div class=\"chat-body\">" + m.html() + "</div>");
        item.add(body);
        if (!m.attachments().isEmpty()) {
            Div files = new Div();
            files.addClassName("chat-attachments");
            for (ChatAttachment a : m.attachments()) {
                Button file = new Button(a.name(), VaadinIcon.PAPERCLIP.create(), e -> UI.getCurrent().getPage()
                        .open(source.attachmentLink(a.fileId()), "_blank"));
                file.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                file.addClassName("chat-attachment");
                files.add(file);
            }
            item.add(files);
        }
        if (actions && source.canWrite()) {
            Div buttons = new Div();
            buttons.addClassName("chat-actions");
            Button reply = small("chat.reply", VaadinIcon.REPLY, e -> startReply(m));
            reply.addClassName("chat-reply");
            buttons.add(reply);
            if (m.changeable() && source.canChange()) {
                Button edit = small("chat.edit", VaadinIcon.EDIT, e -> startEdit(item, m));
                edit.addClassName("chat-edit");
                Button delete = small("chat.delete", VaadinIcon.TRASH, e -> act(() -> source.delete(m.id())));
                delete.addClassName("chat-delete");
                buttons.add(edit, delete);
            }
            item.add(buttons);
        }
        return item;
    }

    private Button small(String key, VaadinIcon icon,
                         com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> l) {
        Button b = new Button(getTranslation(key), icon.create(), l);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void act(java.util.function.Supplier<ChatMessage> change) {
        try {
            append(change.get());
        } catch (InvalidInputException e) {
            com.vaadin.flow.component.notification.Notification.show(problems(e));
        }
    }

    private void startReply(ChatMessage m) {
        replyTo = m.id();
        replyBar.removeAll();
        Span label = new Span(getTranslation("chat.replying-to", m.authorName()));
        Button cancel = small("chat.cancel", VaadinIcon.CLOSE_SMALL, e -> {
            replyTo = null;
            replyBar.removeAll();
            replyBar.setVisible(false);
        });
        cancel.setId("chat-reply-cancel");
        replyBar.add(label, cancel);
        replyBar.setVisible(true);
        text.focus();
    }

    private void startEdit(Div item, ChatMessage m) {
        TextArea editor = new TextArea();
        editor.addClassName("chat-editor");
        editor.setWidthFull();
        editor.setValue(m.body());
        Button save = small("chat.save", VaadinIcon.CHECK, e -> {
            try {
                append(source.edit(m.id(), editor.getValue()));
            } catch (InvalidInputException ex) {
                // the edited text stays in the editor, with the reason
                editor.setErrorMessage(problems(ex));
                editor.setInvalid(true);
            }
        });
        save.addClassName("chat-save");
        Button cancel = small("chat.cancel", VaadinIcon.CLOSE_SMALL, e -> append(m));
        Div box = new Div(editor, save, cancel);
        box.addClassName("chat-edit-box");
        item.removeAll();
        item.add(box);
    }

    private Component form() {
        text.setId("chat-text");
        text.setWidthFull();
        text.setMinHeight("5rem");
        text.setPlaceholder(getTranslation("chat.placeholder"));
        text.setValueChangeMode(ValueChangeMode.EAGER);
        counter(0);
        text.addValueChangeListener(e -> counter(e.getValue().length()));
        replyBar.addClassName("chat-reply-bar");
        replyBar.setId("chat-reply-bar");
        replyBar.setVisible(false);
        Button send = new Button(getTranslation("chat.send"), VaadinIcon.PAPERPLANE_O.create(), e -> send());
        send.setId("chat-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(replyBar, text);
        form.addClassName("chat-form");
        if (source.canAttach()) {
            pending.setId("chat-pending");
            pending.addClassName("chat-pending");
            form.add(upload(), pending);
        }
        form.add(send);
        return form;
    }

    private void counter(int length) {
        text.setHelperText(getTranslation("chat.counter", length, ChatService.MESSAGE_MAX));
    }

    private Upload upload() {
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> ui.access(() -> {
            uploads.add(new ChatDraft.Upload(metadata.fileName(), file.toPath()));
            Span chip = new Span(metadata.fileName());
            chip.getElement().getThemeList().add("badge");
            pending.add(chip);
        })));
        // a file taken off the upload's list is not sent either
        upload.addFileRemovedListener(e -> {
            for (ChatDraft.Upload u : List.copyOf(uploads)) {
                if (u.originalName().equals(e.getFileName())) {
                    uploads.remove(u);
                    deleteQuietly(u);
                }
            }
            pending.getChildren().filter(c -> c instanceof Span s && s.getText().equals(e.getFileName())).toList()
                    .forEach(pending::remove);
        });
        upload.setId("chat-upload");
        uploader = upload;
        upload.setDropAllowed(true);
        upload.setMaxFiles(10);
        upload.setI18n(UploadTexts.of(this));
        Span hint = new Span(getTranslation("chat.attach.drop"));
        hint.addClassName("muted");
        upload.setDropLabel(hint);
        upload.setUploadButton(new Button(getTranslation("chat.attach"), VaadinIcon.PAPERCLIP.create()));
        return upload;
    }

    private void send() {
        try {
            ChatMessage m = source.post(text.getValue(), replyTo, List.copyOf(uploads));
            text.clear();
            text.setInvalid(false);
            replyTo = null;
            replyBar.removeAll();
            replyBar.setVisible(false);
            clearUploads();
            append(m);
            source.changed();
        } catch (InvalidInputException e) {
            // the typed text and the chosen files stay, with the reason on the field
            text.setErrorMessage(problems(e));
            text.setInvalid(true);
        } catch (NotFoundException e) {
            text.setErrorMessage(getTranslation("chat.error.reply-gone"));
            text.setInvalid(true);
        }
    }

    private void clearUploads() {
        uploads.forEach(ChatPanel::deleteQuietly);
        uploads.clear();
        pending.removeAll();
        if (uploader != null) {
            uploader.clearFileList(); // a file that went out with a message is not offered again
        }
    }

    private static void deleteQuietly(ChatDraft.Upload u) {
        File f = u.content().toFile();
        if (!f.delete()) {
            f.deleteOnExit();
        }
    }

    private String problems(InvalidInputException e) {
        return e.problems().stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                .collect(Collectors.joining(" "));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        SecurityContext viewer = SecurityContextHolder.getContext();
        subscription = source.subscribe(id -> ui.access(() -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(viewer);
            try {
                source.message(id).ifPresent(m -> {
                    if (detached && !shown.containsKey(m.id())) {
                        return; // an older stretch is on show; "Back to the newest" brings it
                    }
                    append(m);
                    markRead();
                });
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        super.onDetach(event);
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // closing a subscription only removes it from a map
            }
            subscription = null;
        }
        clearUploads();
    }
}
