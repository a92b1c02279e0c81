package io.clientspace.portal;

import io.clientspace.project.SharingChanged;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.ClientspaceProperties;
import io.clientspace.shared.i18n.Translations;
import java.util.List;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.ExternalAccessService.ContactAddress;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails about the portal, sent after the change committed and retried after a crash: the client's active portal
 * contacts hear of a newly shared document or file and of the team's answers; the project's owner hears of a
 * customer's comment. Customers get English until their language is known to us; staff get theirs.
 */
@Component
class PortalNotifier {

    private static final Logger log = LoggerFactory.getLogger(PortalNotifier.class);

    private final JavaMailSender mail;
    private final StaffDirectory staff;
    private final ClientspaceProperties app;
    private final Translations translations;
    private final JdbcTemplate jdbc;
    private final ExternalAccessService access;

    PortalNotifier(JavaMailSender mail, StaffDirectory staff, ClientspaceProperties app, Translations translations,
                   JdbcTemplate jdbc, ExternalAccessService access) {
        this.access = access;
        this.mail = mail;
        this.staff = staff;
        this.app = app;
        this.translations = translations;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(SharingChanged event) {
        boolean aDocument = event.subject() == SharingChanged.Subject.FILE
                || event.subject() == SharingChanged.Subject.DOCUMENT;
        if (!aDocument || !event.shared() || !event.visibleToClient()) {
            return;
        }
        String sharedBy = staff.displayName(event.actor());
        String clientName = clientName(event.clientId());
        for (ContactAddress c : access.activeContactsForNotification(event.clientId())) {
            send(c.email(), c.locale(), "mail.document-shared.subject", new Object[] {event.title()},
                    "mail.document-shared.body", new Object[] {c.displayName(), sharedBy, event.title(), clientName,
                            app.baseUrl() + "/portal/documents"});
        }
    }

    @ApplicationModuleListener
    void on(PortalCommentPosted event) {
        if (event.fromCustomer()) {
            String owner = jdbc.queryForList("select owner from client_project where id = ?", String.class,
                    event.projectId()).stream().findFirst().orElse(null);
            var member = staff.find(owner).orElse(null);
            if (member == null || member.email() == null || member.email().isBlank()) {
                log.warn("A customer commented on project {}, but its owner {} has no e-mail address",
                        event.projectId(), owner);
                return;
            }
            Locale locale = staff.localeOf(member.username()).map(Translations::supported).orElse(Locale.ENGLISH);
            send(member.email(), locale, "mail.comment-from-customer.subject",
                    new Object[] {event.authorName(), event.projectName()}, "mail.comment-from-customer.body",
                    new Object[] {member.displayName(), event.authorName(), event.projectName(),
                            app.baseUrl() + "/client-projects/" + event.projectId()});
            return;
        }
        boolean shared = jdbc.queryForList("select shared_with_client from client_project where id = ?",
                Boolean.class, event.projectId()).stream().findFirst().orElse(false);
        if (!shared) {
            return;
        }
        for (ContactAddress c : access.activeContactsForNotification(event.clientId())) {
            send(c.email(), c.locale(), "mail.comment-from-team.subject", new Object[] {event.projectName()},
                    "mail.comment-from-team.body", new Object[] {c.displayName(), event.authorName(), event.projectName(),
                            app.baseUrl() + "/portal/projects/" + event.projectId()});
        }
    }

    private String clientName(UUID clientId) {
        return jdbc.queryForList("select name from client where id = ?", String.class, clientId).stream().findFirst()
                .orElse("");
    }

    private void send(String to, Locale locale, String subjectKey, Object[] subjectArgs, String bodyKey,
                      Object[] bodyArgs) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(app.mailFrom());
        message.setTo(to);
        message.setSubject(translations.getTranslation(subjectKey, locale, subjectArgs));
        message.setText(translations.getTranslation(bodyKey, locale, bodyArgs));
        mail.send(message);
    }
}
