package io.clientspace.conversation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.conversation.ChannelKind;
import io.clientspace.conversation.ChatService;
import io.clientspace.conversation.ChatUnread;
import io.clientspace.conversation.ConversationNavigation;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.MenuCounter;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** "Chats": the channels I follow (have opened before) with messages I have not read, each linking to its channel. */
@Menu(title = "nav.chats", order = 34, icon = "vaadin:chat")
@Route(value = ConversationNavigation.CHATS, layout = MainLayout.class)
@RolesAllowed(Roles.STAFF)
class UnreadChatsView extends VerticalLayout implements Titled {

    /** The unread messages in the channels I follow, next to the menu item; it stops at 100, as the tabs do. */
    @SpringComponent
    static class Counter implements MenuCounter {

        private final ChatService chat;

        Counter(ChatService chat) {
            this.chat = chat;
        }

        @Override
        public String menuTitle() {
            return "nav.chats";
        }

        @Override
        public long count() {
            return chat.unreadInMyChannels();
        }

        @Override
        public String label(long count) {
            return unread(count);
        }
    }

    private final Div content = new Div();

    UnreadChatsView(ChatService chat, AsyncLoader loader) {
        addClassName("unread-chats");
        setId("unread-chats");
        Paragraph intro = new Paragraph(getTranslation("chats.intro"));
        intro.addClassName("muted");
        content.setWidthFull();
        content.add(States.loading(getTranslation("chats.loading")));
        add(intro, content);
        loader.load(this, chat::myUnreadChannels, this::show, e -> {
            content.removeAll();
            content.add(States.error(getTranslation("workspace.error.title"), getTranslation("workspace.error.text"),
                    () -> getUI().ifPresent(ui -> ui.getPage().reload()), getTranslation("action.retry")));
        });
    }

    private void show(List<ChatUnread> channels) {
        content.removeAll();
        if (channels.isEmpty()) {
            content.add(States.empty(VaadinIcon.CHAT, getTranslation("chats.none.title"),
                    getTranslation("chats.none.text"), null));
            return;
        }
        Div list = new Div();
        list.addClassName("chat-list");
        for (ChatUnread c : channels) {
            Anchor place = new Anchor(c.path(), c.place());
            Span kind = new Span(getTranslation(c.kind() == ChannelKind.INTERNAL ? "chat.channel.internal"
                    : "chat.channel.client"));
            kind.addClassName("muted");
            Span count = new Span(unread(c.unread()));
            count.getElement().getThemeList().add("badge pill small primary");
            count.addClassName("chat-unread");
            Div item = new Div(place, kind, count);
            item.addClassName("chat-head");
            item.setId("unread-" + c.channelId());
            list.add(item);
        }
        content.add(list);
    }

    /** A count that reached the cap reads "99+": it stopped counting there. */
    static String unread(long count) {
        return count >= ChatService.UNREAD_CAP ? (ChatService.UNREAD_CAP - 1) + "+" : String.valueOf(count);
    }

    @Override
    public String titleKey() {
        return "chats.title";
    }
}
