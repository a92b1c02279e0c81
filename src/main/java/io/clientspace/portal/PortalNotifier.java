package io.clientspace.portal;

import io.clientspace.project.SharingChanged;
import io.clientspace.security.StaffDirectory;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails about the portal, sent after the change committed and retried after a crash: the client's active portal
 * contacts hear of a newly shared document or file and of the team's answers; the project's owner hears of a
 * customer's comment. Customers get English until their language is known to us; staff get theirs.
 */
@Component
class PortalNotifier {

    private final StaffDirectory staff;
    private final io.clientspace.extranet.CustomerMail customerMail;
    private final io.clientspace.project.ProjectService projects;
    private final io.clientspace.client.ClientService clients;
    private final io.clientspace.shared.StaffMail staffMail;

    PortalNotifier(StaffDirectory staff, io.clientspace.extranet.CustomerMail customerMail,
                   io.clientspace.project.ProjectService projects,
                   io.clientspace.client.ClientService clients, io.clientspace.shared.StaffMail staffMail) {
        this.projects = projects;
        this.clients = clients;
        this.staffMail = staffMail;
        this.customerMail = customerMail;
        this.staff = staff;
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
        customerMail.toActiveContacts(event.clientId(), "mail.document-shared.subject", new Object[] {event.title()},
                "mail.document-shared.body", "portal/documents", sharedBy, event.title(), clientName);
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
        customerMail.toActiveContacts(event.clientId(), "mail.comment-from-team.subject",
                new Object[] {event.projectName()}, "mail.comment-from-team.body",
                "portal/projects/" + event.projectId(), event.authorName(), event.projectName());
    }

    private String clientName(UUID clientId) {
        return clients.refForNotification(clientId).map(io.clientspace.client.ClientRef::name).orElse("");
    }
}
