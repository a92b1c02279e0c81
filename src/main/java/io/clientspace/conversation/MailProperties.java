package io.clientspace.conversation;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The workspaces' e-mail: how their addresses look, where inbound mail is read, and how large a mail may be.
 *
 * @param domain    the domain of every workspace address (MAIL_INBOX_DOMAIN), e.g. inbox.firm.example
 * @param plusLocal empty for addresses of the form {@code slug-xxxxxx@domain}; else the mailbox's local part for the
 *                  plus form {@code local+slug-xxxxxx@domain} (MAIL_INBOX_PLUS_LOCAL)
 * @param maxSizeMb a mail larger than this is kept as a stub with its headers and a note (MAIL_INBOX_MAX_SIZE_MB)
 * @param imap      the catch-all mailbox that every workspace address delivers to
 */
@ConfigurationProperties("clientspace.mail-inbox")
public record MailProperties(String domain, @DefaultValue("") String plusLocal, @DefaultValue("25") int maxSizeMb,
                             @DefaultValue Imap imap) {

    public MailProperties {
        if (domain == null || domain.isBlank()) {
            // application.yml always sets it (MAIL_INBOX_DOMAIN, with a local default); this is for a bare binder
            domain = "localhost";
        }
    }

    /**
     * @param enabled      read the mailbox at all (MAIL_IMAP_ENABLED); off, addresses and replies still work
     * @param host         IMAP server (MAIL_IMAP_HOST)
     * @param port         IMAP port (MAIL_IMAP_PORT), 993 with ssl
     * @param ssl          IMAPS (MAIL_IMAP_SSL)
     * @param user         mailbox user (MAIL_IMAP_USER)
     * @param password     mailbox password (MAIL_IMAP_PASSWORD); a production start refuses an unset or demo one
     *                     while {@code enabled}
     * @param folder       the folder to read (MAIL_IMAP_FOLDER)
     * @param pollInterval how often to look when the server offers no IDLE, and how long one IDLE lasts at most
     */
    public record Imap(@DefaultValue("false") boolean enabled, @DefaultValue("localhost") String host,
                       @DefaultValue("3143") int port, @DefaultValue("false") boolean ssl,
                       @DefaultValue("") String user, @DefaultValue("") String password,
                       @DefaultValue("INBOX") String folder, @DefaultValue("PT30S") Duration pollInterval) {

        /** The mailbox's name in the idempotency key: the same message in another mailbox is another message. */
        public String mailbox() {
            return (user + "@" + host + "/" + folder).toLowerCase(Locale.ROOT);
        }
    }

    public long maxSizeBytes() {
        return maxSizeMb * 1024L * 1024L;
    }
}
