package io.clientspace.conversation;

import io.clientspace.client.ClientService;
import io.clientspace.project.ProjectNavigation;
import io.clientspace.shared.StaffMail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails a colleague who was @mentioned, after the message committed (and retried after a crash): at most once per
 * {@link ChatService#MENTION_MAIL_EVERY} per channel, so a lively discussion does not flood their inbox. The mention
 * itself is in the app at once (the message is highlighted for them and counts as unread).
 */
@Component
class ChatMentionNotifier {

    private final JdbcTemplate jdbc;
    private final StaffMail staffMail;
    private final ClientService clients;
    private final Clock clock;

    ChatMentionNotifier(JdbcTemplate jdbc, StaffMail staffMail, ClientService clients, Clock clock) {
        this.jdbc = jdbc;
        this.staffMail = staffMail;
        this.clients = clients;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ChatMessagePosted event) {
        if (event.mentioned().isEmpty()) {
            return;
        }
        var client = clients.refForNotification(event.clientId()).orElse(null);
        if (client == null) {
            return;
        }
        String path = (event.projectId() == null ? client.workspacePath() : ProjectNavigation.workspace(event.projectId()))
                + "?tab=" + ConversationNavigation.CHAT_TAB;
        for (String username : event.mentioned()) {
            if (takeMailTurn(event, username)) {
                staffMail.send(username, "mail.chat-mention.subject", new Object[] {event.authorName(), client.name()},
                        "mail.chat-mention.body", event.authorName(), client.name(), staffMail.link(path));
            }
        }
    }

    /** Whether this colleague may be mailed about this channel now; taking the turn is one atomic statement. */
    private boolean takeMailTurn(ChatMessagePosted event, String username) {
        Instant now = clock.instant();
        int rows = jdbc.update("""
                insert into chat_mention_mail (channel_id, username, mailed_at) values (?, ?, ?)
                on conflict (channel_id, username) do update set mailed_at = excluded.mailed_at
                where chat_mention_mail.mailed_at <= ?""", event.channelId(), username, Timestamp.from(now),
                Timestamp.from(now.minus(ChatService.MENTION_MAIL_EVERY)));
        return rows > 0;
    }
}
