package io.clientspace.proposal;

import io.clientspace.client.ClientNavigation;
import io.clientspace.client.ClientRef;
import io.clientspace.client.ClientService;
import io.clientspace.extranet.CustomerMail;
import io.clientspace.shared.StaffMail;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails about proposals, after the change committed and retried after a crash: the customer's active portal
 * contacts get a sent proposal with a link straight to it, and hear when the team withdrew one; the approver hears
 * of a proposal waiting for them; the owner hears when it was returned, answered or expired. Each in the reader's
 * language.
 */
@Component
class ProposalNotifier {

    private final CustomerMail customerMail;
    private final StaffMail staffMail;
    private final ClientService clients;

    ProposalNotifier(CustomerMail customerMail, StaffMail staffMail, ClientService clients) {
        this.customerMail = customerMail;
        this.staffMail = staffMail;
        this.clients = clients;
    }

    @ApplicationModuleListener
    void on(ProposalChanged e) {
        ClientRef client = clients.refForNotification(e.clientId()).orElse(null);
        if (client == null) {
            return;
        }
        String workspace = staffMail.link(ClientNavigation.workspace(client.kind(), client.id(), ProposalNavigation.TAB));
        switch (e.change()) {
            case SENT -> customerMail.toActiveContacts(e.clientId(), "mail.proposal-sent.subject",
                    new Object[] {e.number(), e.title()}, "mail.proposal-sent.body", ProposalNavigation.portalPage(e.proposalId()),
                    e.title(), e.number());
            case SUBMITTED_FOR_APPROVAL -> {
                if (e.approver() != null) {
                    staffMail.send(e.approver(), "mail.proposal-approval.subject", new Object[] {e.number()},
                            "mail.proposal-approval.body", e.number(), e.title(), client.name(), workspace);
                }
            }
            case RETURNED -> staffMail.send(e.owner(), "mail.proposal-returned.subject", new Object[] {e.number()},
                    "mail.proposal-returned.body", e.number(), e.title(), client.name(), workspace);
            case ACCEPTED -> staffMail.send(e.owner(), "mail.proposal-accepted.subject", new Object[] {e.number()},
                    "mail.proposal-accepted.body", e.number(), e.title(), client.name(), workspace);
            case DECLINED -> staffMail.send(e.owner(), "mail.proposal-declined.subject", new Object[] {e.number()},
                    "mail.proposal-declined.body", e.number(), e.title(), client.name(), workspace);
            case WITHDRAWN -> customerMail.toActiveContacts(e.clientId(), "mail.proposal-withdrawn.subject",
                    new Object[] {e.number(), e.title()}, "mail.proposal-withdrawn.body",
                    ProposalNavigation.portalPage(e.proposalId()), e.title(), e.number(), e.reason());
            case EXPIRED -> staffMail.send(e.owner(), "mail.proposal-expired.subject", new Object[] {e.number()},
                    "mail.proposal-expired.body", e.number(), e.title(), client.name(), workspace);
            default -> {
                // created, updated, approved and revised need no mail: the team did it and sees it
            }
        }
    }
}
