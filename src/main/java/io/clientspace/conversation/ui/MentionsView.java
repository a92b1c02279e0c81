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
import io.clientspace.conversation.ChatMention;
import io.clientspace.conversation.ChatService;
import io.clientspace.conversation.ConversationNavigation;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.MenuCounter;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** "Mentions": the chat messages that mention me and that I have not seen yet, each linking to its channel. */
@Menu(title = "nav.mentions", order = 35, icon = "vaadin:at")
@Route(value = ConversationNavigation.MENTIONS, layout = MainLayout.class)
@RolesAllowed(Roles.STAFF)
class MentionsView extends VerticalLayout implements Titled {

    /** The number of unseen mentions next to the menu item. */
    @SpringComponent
    static class Counter implements MenuCounter {

        private final ChatService chat;

        Counter(ChatService chat) {
            this.chat = chat;
        }

        @Override
        public String menuTitle() {
            return "nav.mentions";
        }

        @Override
        public long count() {
            return chat.unseenMentions();
        }
    }

    private final Div content = new Div();
    private final Clock clock;

    MentionsView(ChatService chat, AsyncLoader loader, Clock clock) {
        this.clock = clock;
        addClassName("mentions");
        setId("mentions");
        Paragraph intro = new Paragraph(getTranslation("mentions.intro"));
        intro.addClassName("muted");
        content.setWidthFull();
        content.add(States.loading(getTranslation("mentions.loading")));
        add(intro, content);
        loader.load(this, chat::myMentions, this::show, e -> {
            content.removeAll();
            content.add(States.error(getTranslation("workspace.error.title"), getTranslation("workspace.error.text"),
                    () -> getUI().ifPresent(ui -> ui.getPage().reload()), getTranslation("action.retry")));
        });
    }

    private void show(List<ChatMention> mentions) {
        content.removeAll();
        if (mentions.isEmpty()) {
            content.add(States.empty(VaadinIcon.AT, getTranslation("mentions.none.title"),
                    getTranslation("mentions.none.text"), null));
            return;
        }
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        Div list = new Div();
        list.addClassName("chat-list");
        for (ChatMention m : mentions) {
            Anchor place = new Anchor(m.path(), m.place());
            Span who = new Span(m.authorName());
            who.addClassName("chat-author");
            Span when = new Span(format.format(m.createdAt().atZone(clock.getZone())));
            when.addClassName("muted");
            Div head = new Div(who, when, place);
            head.addClassName("chat-head");
            Div item = new Div(head, new Paragraph(m.excerpt()));
            item.addClassName("chat-message");
            item.setId("mention-" + m.messageId());
            list.add(item);
        }
        content.add(list);
    }

    @Override
    public String titleKey() {
        return "mentions.title";
    }
}
