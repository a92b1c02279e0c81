package io.clientspace.portal.ui;

import io.clientspace.extranet.PortalSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.clientspace.conversation.ChatChannel;
import io.clientspace.conversation.ChatDraft;
import io.clientspace.conversation.ChatMessage;
import io.clientspace.conversation.ChatPage;
import io.clientspace.conversation.ChatService;
import io.clientspace.conversation.ConversationNavigation;
import io.clientspace.conversation.ui.ChatPanel;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.portal.PortalService;
import io.clientspace.security.Roles;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.live.ClientChanges;
import io.clientspace.shared.ui.AsyncLoader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The customer's Messages: the client channel of their client as a whole ("General") and of each shared project, one
 * at a time. {@code portal/messages/{channelId}} opens one; any id that is not one of these answers "not found".
 */
@Route(value = ConversationNavigation.PORTAL_MESSAGES + "/:channelId?", layout = PortalLayout.class)
@RolesAllowed(Roles.CUSTOMER)
class PortalMessagesView extends PortalPage implements BeforeEnterObserver {

    @Override
    PortalSection section() {
        return PortalSection.MESSAGES;
    }

    private final ChatService chat;
    private final ClientChanges live;
    private final Clock clock;

    PortalMessagesView(PortalService portal, ChatService chat, ClientChanges live, AsyncLoader loader, Clock clock) {
        super(portal, loader, clock, "portal.messages.title");
        this.chat = chat;
        this.live = live;
        this.clock = clock;
        setId("portal-messages-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> wanted = event.getRouteParameters().get("channelId").map(PortalMessagesView::uuid);
        show((viewer, pages) -> {
            Div box = new Div(new H2(getTranslation("portal.messages.title")));
            box.setId("portal-messages");
            box.add(pages.async(() -> {
                List<ChatChannel> channels = chat.customerChannels(viewer);
                if (wanted.isPresent() && channels.stream().noneMatch(c -> c.id().equals(wanted.get()))) {
                    throw new NotFoundException("Channel");
                }
                return channels;
            }, channels -> render(viewer, channels, wanted.orElse(channels.get(0).id()))));
            return box;
        });
    }

    private Component render(CustomerScope viewer, List<ChatChannel> channels, UUID selected) {
        Div box = new Div();
        Tabs switcher = new Tabs();
        switcher.setId("portal-message-channels");
        Div shown = new Div();
        int index = 0;
        for (int i = 0; i < channels.size(); i++) {
            ChatChannel c = channels.get(i);
            Tab tab = new Tab(new Span(c.projectId() == null ? getTranslation("portal.messages.general") : c.title()));
            if (c.unread() > 0) {
                Span badge = new Span(c.unread() >= ChatService.UNREAD_CAP ? "99+" : String.valueOf(c.unread()));
                badge.getElement().getThemeList().add("badge pill small primary");
                badge.addClassName("chat-unread");
                tab.add(badge);
            }
            tab.setId("portal-channel-" + c.id());
            switcher.add(tab);
            if (c.id().equals(selected)) {
                index = i;
            }
        }
        switcher.setSelectedIndex(index);
        switcher.addSelectedChangeListener(e -> show(shown, viewer, channels.get(switcher.getSelectedIndex())));
        box.add(switcher, shown);
        show(shown, viewer, channels.get(index));
        return box;
    }

    private void show(Div shown, CustomerScope viewer, ChatChannel channel) {
        shown.removeAll();
        if (viewer.preview()) {
            Paragraph note = new Paragraph(getTranslation("portal.messages.read-only"));
            note.addClassName("muted");
            shown.add(note);
        }
        shown.add(new ChatPanel(source(viewer, channel.id()), clock.getZone()));
    }

    private ChatPanel.Source source(CustomerScope viewer, UUID channelId) {
        return new ChatPanel.Source() {
            @Override
            public ChatPage history(Long beforeSeq) {
                return chat.customerHistory(viewer, channelId, beforeSeq);
            }

            @Override
            public List<ChatMessage> search(String text) {
                return chat.customerSearch(viewer, channelId, text);
            }

            @Override
            public Optional<ChatMessage> message(UUID messageId) {
                return chat.customerMessage(viewer, channelId, messageId);
            }

            @Override
            public ChatMessage post(String text, UUID replyTo, List<ChatDraft.Upload> attachments) {
                return chat.customerPost(viewer, channelId, text, replyTo, attachments);
            }

            @Override
            public void markRead(long seq) {
                chat.customerMarkRead(viewer, channelId, seq);
            }

            @Override
            public String attachmentLink(UUID fileId) {
                return chat.customerAttachmentLink(viewer, channelId, fileId).link();
            }

            @Override
            public boolean canWrite() {
                return !viewer.preview();
            }

            @Override
            public boolean canAttach() {
                // the same upload path and checks as the team's (AttachmentChecks in ChatService)
                return !viewer.preview();
            }

            @Override
            public AutoCloseable subscribe(Consumer<UUID> onMessage) {
                return live.subscribeItems(channelId, onMessage);
            }
        };
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }
}
