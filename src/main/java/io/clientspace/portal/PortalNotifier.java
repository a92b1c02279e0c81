package io.clientspace.portal;

import io.clientspace.client.ClientRef;
import io.clientspace.client.ClientService;
import io.clientspace.extranet.CustomerMail;
import io.clientspace.document.DocumentNavigation;
import io.clientspace.project.SharingChanged;
import io.clientspace.security.StaffDirectory;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails about the portal, sent after the change committed and retried after a crash: the client's active portal
 * contacts hear of a newly shared document or file (the project thread's mails are the conversation module's).
 * Customers get English until their language is known to us.
 */
@Component
class PortalNotifier {

    private final StaffDirectory staff;
    private final CustomerMail customerMail;
    private final ClientService clients;

    PortalNotifier(StaffDirectory staff, CustomerMail customerMail, ClientService clients) {
        this.clients = clients;
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

    private String clientName(UUID clientId) {
        return clients.refForNotification(clientId).map(ClientRef::name).orElse("");
    }
}
