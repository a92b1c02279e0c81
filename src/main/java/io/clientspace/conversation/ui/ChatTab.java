package io.clientspace.conversation.ui;

import io.clientspace.project.ProjectService;
import io.clientspace.project.WorkspaceRights;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.conversation.ChannelKind;
import io.clientspace.conversation.ChatChannel;
import io.clientspace.conversation.ChatDraft;
import io.clientspace.conversation.ChatMessage;
import io.clientspace.conversation.ChatPage;
import io.clientspace.conversation.ChatService;
import io.clientspace.conversation.ConversationNavigation;
import io.clientspace.shared.live.ClientChanges;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The workspace's chat: the internal channel and the channel with the client, one at a time. The counter shows the
 * viewer's unread messages in both; a channel is marked read as it is shown.
 */
class ChatTab extends WorkspaceTab<List<ChatChannel>> {

    /** The Chat tab on client and project workspaces. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final ChatService chat;
        private final ClientChanges live;
        private final ProjectService projects;

        Provider(ChatService chat, ClientChanges live, ProjectService projects) {
            super(ConversationNavigation.CHAT_TAB, 63, Where.CLIENT, Where.PROJECT);
            this.chat = chat;
            this.live = live;
            this.projects = projects;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new ChatTab(context, chat, live, projects);
        }
    }

    private final TabContext context;
    private final ChatService chat;
    private final ClientChanges live;
    private boolean rendered;

    private final ProjectService projects;
    /** What the user may do here, read with the channels (off the UI thread): a viewer reads, an editor writes. */
    private volatile WorkspaceRights rights;

    ChatTab(TabContext context, ChatService chat, ClientChanges live, ProjectService projects) {
        super(ConversationNavigation.CHAT_TAB, "chat.tab", context.loader());
        this.context = context;
        this.projects = projects;
        this.chat = chat;
        this.live = live;
    }

    @Override
    protected long count() {
        return chat.unreadIn(context.scope());
    }

    @Override
    protected List<ChatChannel> fetch() {
        rights = projects.rights(context.scope());
        return chat.channels(context.scope());
    }

    @Override
    protected boolean isEmpty(List<ChatChannel> data) {
        return false;
    }

    @Override
    protected String loadingKey() {
        return "chat.loading";
    }

    @Override
    protected Component emptyState() {
        return new Div();
    }

    @Override
    protected boolean isBusy() {
        // the panel keeps itself current (and holds what the user is typing): a workspace refresh leaves it alone
        return rendered;
    }

    @Override
    protected Component render(List<ChatChannel> channels) {
        rendered = true;
        Div box = new Div();
        box.addClassNames("tab-body", "chat-tab");
        box.setId("chat-tab");
        Div shown = new Div();
        Tabs switcher = new Tabs();
        switcher.setId("chat-channels");
        for (ChatChannel c : channels) {
            Tab tab = new Tab(getTranslation(c.kind() == ChannelKind.INTERNAL ? "chat.channel.internal"
                    : "chat.channel.client"));
            tab.setId("chat-channel-" + c.kind().name().toLowerCase());
            switcher.add(tab);
        }
        switcher.addSelectedChangeListener(e -> show(shown, channels.get(switcher.getSelectedIndex())));
        box.add(switcher);
        if (channels.stream().noneMatch(c -> c.kind() == ChannelKind.INTERNAL)) {
            // the firm keeps the internal chat from colleagues who only view the client: say so, not just omit it
            box.add(io.clientspace.shared.ui.Unavailable.line("chat-internal-hidden",
                    getTranslation("amounts.internal-hidden")));
        }
        box.add(shown);
        show(shown, channels.get(0));
        return box;
    }

    private void show(Div shown, ChatChannel channel) {
        shown.removeAll();
        Paragraph note = new Paragraph(getTranslation(channel.kind() == ChannelKind.INTERNAL
                ? "chat.channel.internal-note"
                : context.sharedWithClient() ? "chat.channel.client" : "chat.channel.client-not-shared"));
        note.addClassName("muted");
        note.setId("chat-channel-note");
        if (channel.kind() == ChannelKind.INTERNAL || !context.sharedWithClient()) {
            shown.add(note);
        }
        shown.add(new ChatPanel(source(channel.id()), context.clock().getZone()));
    }

    private ChatPanel.Source source(UUID channelId) {
        String me = context.user().username();
        return new ChatPanel.Source() {
            @Override
            public ChatPage history(Long beforeSeq) {
                return chat.history(channelId, beforeSeq);
            }

            @Override
            public List<ChatMessage> search(String text) {
                return chat.search(channelId, text);
            }

            @Override
            public Optional<ChatMessage> message(UUID messageId) {
                return chat.message(channelId, messageId);
            }

            @Override
            public ChatMessage post(String text, UUID replyTo, List<ChatDraft.Upload> attachments) {
                return chat.post(channelId, new ChatDraft(text, replyTo, attachments));
            }

            @Override
            public ChatMessage edit(UUID messageId, String text) {
                return chat.edit(messageId, text);
            }

            @Override
            public ChatMessage delete(UUID messageId) {
                return chat.delete(messageId);
            }

            @Override
            public void markRead(long seq) {
                chat.markRead(channelId, seq);
            }

            @Override
            public String attachmentLink(UUID fileId) {
                return chat.attachmentLink(channelId, fileId);
            }

            @Override
            public boolean canWrite() {
                return rights == null || rights.work();
            }

            @Override
            public String whyNotWrite() {
                WorkspaceRights r = rights;
                return r == null || r.work() ? null : r.askName().isBlank()
                        ? getTranslation("action.read-only.none") : getTranslation("action.read-only", r.askName());
            }

            @Override
            public boolean canAttach() {
                return true;
            }

            @Override
            public boolean canChange() {
                return true;
            }

            @Override
            public String mentionName() {
                return me;
            }

            @Override
            public AutoCloseable subscribe(Consumer<UUID> onMessage) {
                return live.subscribeItems(channelId, onMessage);
            }

            @Override
            public void changed() {
                refreshCounter();
            }
        };
    }
}
