package io.clientspace.portal;

import io.clientspace.client.ClientRef;
import io.clientspace.client.ClientService;
import io.clientspace.extranet.CustomerMail;
import io.clientspace.project.ProjectService;
import io.clientspace.shared.StaffMail;
import io.clientspace.document.DocumentNavigation;
import io.clientspace.project.ProjectNavigation;
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
    private final CustomerMail customerMail;
    private final ProjectService projects;
    private final ClientService clients;
    private final StaffMail staffMail;

    PortalNotifier(StaffDirectory staff, CustomerMail customerMail,
                   ProjectService projects,
                   ClientService clients, StaffMail staffMail) {
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
                "mail.document-shared.body", DocumentNavigation.PORTAL_LIST, sharedBy, event.title(), clientName);
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
                    event.authorName(), event.projectName(), staffMail.link(ProjectNavigation.workspace(event.projectId())));
            return;
        }
        if (!project.sharedWithClient()) {
            return;
        }
        customerMail.toActiveContacts(event.clientId(), "mail.comment-from-team.subject",
                new Object[] {event.projectName()}, "mail.comment-from-team.body",
                ProjectNavigation.portalPage(event.projectId()), event.authorName(), event.projectName());
    }

    private String clientName(UUID clientId) {
        return clients.refForNotification(clientId).map(ClientRef::name).orElse("");
    }
}
