package io.clientspace.request;

import io.clientspace.client.ClientRef;
import io.clientspace.client.ClientService;
import io.clientspace.extranet.CustomerMail;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.StaffMail;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails about client requests, sent after the change committed and retried after a crash. The client's active
 * portal contacts hear, in their language, that a request arrived (with its number and response target), that the
 * team has a question, and that it was resolved. The handling group hears of a new request; the assignee of an
 * assignment; the client's owner and the managers (the groups' leads) of a passed SLA target.
 */
@Component
class ClientRequestNotifier {

    /** The portal's start page: the customer's requests are listed there once the portal page lands. */
    static final String PORTAL = "portal";

    private final CustomerMail customerMail;
    private final StaffMail staffMail;
    private final StaffDirectory staff;
    private final ClientService clients;

    ClientRequestNotifier(CustomerMail customerMail, StaffMail staffMail, StaffDirectory staff,
                          ClientService clients) {
        this.customerMail = customerMail;
        this.staffMail = staffMail;
        this.staff = staff;
        this.clients = clients;
    }

    @ApplicationModuleListener
    void on(ClientRequestChanged e) {
        Object[] subject = {e.number(), e.subject()};
        switch (e.change()) {
            case RAISED -> {
                customerMail.toActiveContacts(e.clientId(), "mail.client-request-received.subject", subject,
                        "mail.client-request-received.body", PORTAL, e.number(), e.subject());
                ClientRef client = clients.refForNotification(e.clientId()).orElse(null);
                for (String username : group(e.handlingGroup(), client)) {
                    staffMail.send(username, "mail.client-request-new.subject", subject,
                            "mail.client-request-new.body", e.number(), e.subject(),
                            client == null ? "" : client.name(),
                            staffMail.link(client == null ? "" : client.workspacePath()));
                }
            }
            case ASKED -> customerMail.toActiveContacts(e.clientId(), "mail.client-request-question.subject",
                    subject, "mail.client-request-question.body", PORTAL, e.number(), e.subject(), e.detail());
            case RESOLVED -> customerMail.toActiveContacts(e.clientId(), "mail.client-request-resolved.subject",
                    subject, "mail.client-request-resolved.body", PORTAL, e.number(), e.subject(), e.detail());
            case ASSIGNED, HANDED_ON -> {
                if (e.assignee() != null && !e.assignee().equals(e.actor())) {
                    ClientRef client = clients.refForNotification(e.clientId()).orElse(null);
                    staffMail.send(e.assignee(), "mail.client-request-assigned.subject", subject,
                            "mail.client-request-assigned.body", e.number(), e.subject(),
                            client == null ? "" : client.name(),
                            staffMail.link(client == null ? "" : client.workspacePath()));
                }
            }
            case ESCALATED -> {
                ClientRef client = clients.refForNotification(e.clientId()).orElse(null);
                Set<String> to = new LinkedHashSet<>();
                if (client != null) {
                    to.add(client.owner());
                }
                staff.assignable().stream().filter(m -> m.roles().contains(Roles.MANAGER))
                        .map(StaffMember::username).forEach(to::add);
                for (String username : to) {
                    staffMail.send(username, "mail.client-request-breached.subject", subject,
                            "mail.client-request-breached.body", e.number(), e.subject(),
                            client == null ? "" : client.name(),
                            new StaffMail.Localized("mail.client-request-breached." + e.detail()),
                            staffMail.link(client == null ? "" : client.workspacePath()));
                }
            }
            default -> {
                // answers, confirmations, reopenings and cancels show on the request and the timeline
            }
        }
    }

    /** The group's members who can open the client: its owner, and everyone for a managers' group. */
    private Set<String> group(String group, ClientRef client) {
        Set<String> to = new LinkedHashSet<>();
        if (group == null) {
            return to;
        }
        String role = group.toUpperCase(Locale.ROOT).replace('-', '_');
        for (StaffMember m : staff.assignable()) {
            boolean inGroup = m.roles().contains(role);
            boolean opensClient = m.roles().contains(Roles.MANAGER) || m.roles().contains(Roles.ADMIN)
                    || client != null && m.username().equals(client.owner());
            if (inGroup && opensClient) {
                to.add(m.username());
            }
        }
        return to;
    }
}
