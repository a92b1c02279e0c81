package io.clientspace.deal;

import io.clientspace.security.Roles;
import io.clientspace.security.StaffMember;
import io.clientspace.client.ClientService;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.StaffMail;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a deal's owner by e-mail, in the language they chose in Keycloak, that their deal has stalled. Runs after
 * the flag is committed; Spring Modulith's publication registry retries it after a crash or a mail server outage.
 */
@Component
class DealStallNotifier {

    private final StaffMail mail;
    private final StaffDirectory staff;
    private final ClientService clients;
    private final DealStages stages;

    DealStallNotifier(StaffMail mail, StaffDirectory staff, ClientService clients, DealStages stages) {
        this.mail = mail;
        this.staff = staff;
        this.clients = clients;
        this.stages = stages;
    }

    @ApplicationModuleListener
    void on(DealStalled event) {
        var client = clients.refForNotification(event.clientId()).orElse(null);
        if (client == null) {
            return;
        }
        // the deal's owner, as long as they can still open the client; after a handover, the client's owner
        String recipient = staff.find(event.owner()).filter(m -> m.username().equals(client.owner())
                || m.roles().contains(Roles.ADMIN)
                || m.roles().contains(Roles.MANAGER))
                .map(StaffMember::username).orElse(client.owner());
        mail.send(recipient, "mail.deal-stalled.subject", new Object[] {event.dealTitle()}, "mail.deal-stalled.body",
                event.dealTitle(), client.name(),
                new StaffMail.LocalizedOr(event.stage().messageKey(), stages.named(event.stage()).label()), mail.link(client.workspacePath()));
    }
}
