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

    private final JavaMailSender mail;
    private final StaffDirectory staff;
    private final ClientspaceProperties app;
    private final Translations translations;
    private final io.clientspace.project.ProjectService projects;
    private final io.clientspace.client.ClientService clients;
    private final io.clientspace.shared.StaffMail staffMail;
    private final ExternalAccessService access;

    PortalNotifier(JavaMailSender mail, StaffDirectory staff, ClientspaceProperties app, Translations translations,
                   ExternalAccessService access, io.clientspace.project.ProjectService projects,
                   io.clientspace.client.ClientService clients, io.clientspace.shared.StaffMail staffMail) {
        this.projects = projects;
        this.clients = clients;
        this.staffMail = staffMail;
        this.access = access;
        this.mail = mail;
        this.staff = staff;
        this.app = app;
        this.translations = translations;
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
        var project = projects.ownerAndSharing(event.projectId()).orElse(null);
        if (project == null) {
            return;
        }
        if (event.fromCustomer()) {
            staffMail.send(project.owner(), "mail.comment-from-customer.subject",
                    new Object[] {event.authorName(), event.projectName()}, "mail.comment-from-customer.body",
                    event.authorName(), event.projectName(), staffMail.link("client-projects/" + event.projectId()));
            return;
        }
        if (!project.sharedWithClient()) {
            return;
        }
        for (ContactAddress c : access.activeContactsForNotification(event.clientId())) {
            send(c.email(), c.locale(), "mail.comment-from-team.subject", new Object[] {event.projectName()},
                    "mail.comment-from-team.body", new Object[] {c.displayName(), event.authorName(), event.projectName(),
                            app.baseUrl() + "/portal/projects/" + event.projectId()});
        }
    }

    private String clientName(UUID clientId) {
        return clients.refForNotification(clientId).map(io.clientspace.client.ClientRef::name).orElse("");
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
