package io.clientspace.acceptance;

import io.clientspace.client.ClientRef;
import io.clientspace.client.ClientService;
import io.clientspace.extranet.CustomerMail;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.StaffMail;
import java.util.Date;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails about acceptances, sent after the change committed and retried after a crash: the client's active portal
 * contacts get the request with a link straight to it, the reminder, the confirmation and the withdrawal; the
 * colleague who sent it hears of the reminder, the acceptance and the expiry.
 */
@Component
class AcceptanceNotifier {

    private final CustomerMail customerMail;
    private final StaffMail staffMail;
    private final StaffDirectory staff;
    private final ClientService clients;

    AcceptanceNotifier(CustomerMail customerMail, StaffMail staffMail, StaffDirectory staff, ClientService clients) {
        this.customerMail = customerMail;
        this.staffMail = staffMail;
        this.staff = staff;
        this.clients = clients;
    }

    @ApplicationModuleListener
    void on(AcceptanceChanged e) {
        String portalPath = AcceptanceNavigation.portalPage(e.acceptanceId());
        Object[] subject = {e.documentTitle()};
        Date deadline = Date.from(e.expiresAt());
        ClientRef client = clients.refForNotification(e.clientId()).orElse(null);
        String clientName = client == null ? "" : client.name();
        String workspace = staffMail.link(client == null ? "" : client.workspacePath());
        switch (e.change()) {
            case SENT -> customerMail.toActiveContacts(e.clientId(), "mail.acceptance-requested.subject", subject,
                    "mail.acceptance-requested.body", portalPath, staff.displayName(e.sentBy()), e.documentTitle(),
                    e.versionNumber(), deadline);
            case REMINDER_DUE -> {
                customerMail.toActiveContacts(e.clientId(), "mail.acceptance-reminder.subject", subject,
                        "mail.acceptance-reminder.body", portalPath, e.documentTitle(), e.versionNumber(), deadline);
                staffMail.send(e.sentBy(), "mail.acceptance-reminder-staff.subject", subject,
                        "mail.acceptance-reminder-staff.body", e.documentTitle(), e.versionNumber(), clientName,
                        deadline, workspace);
            }
            case ACCEPTED -> {
                customerMail.toActiveContacts(e.clientId(), "mail.acceptance-confirmed.subject", subject,
                        "mail.acceptance-confirmed.body", portalPath, e.documentTitle(), e.versionNumber());
                staffMail.send(e.sentBy(), "mail.acceptance-accepted.subject", subject,
                        "mail.acceptance-accepted.body", e.documentTitle(), e.versionNumber(), clientName, workspace);
            }
            case WITHDRAWN -> customerMail.toActiveContacts(e.clientId(), "mail.acceptance-withdrawn.subject", subject,
                    "mail.acceptance-withdrawn.body", portalPath, e.documentTitle(), e.versionNumber(),
                    staff.displayName(e.actor()), e.reason());
            case EXPIRED -> staffMail.send(e.sentBy(), "mail.acceptance-expired.subject", subject,
                    "mail.acceptance-expired.body", e.documentTitle(), e.versionNumber(), clientName, workspace);
        }
    }
}
