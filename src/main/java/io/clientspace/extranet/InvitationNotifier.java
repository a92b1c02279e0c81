package io.clientspace.extranet;

import io.clientspace.security.StaffDirectory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails a contact whose invitation was cancelled, in their language, after the change committed and retried after a
 * crash: the link they may still have no longer works, and they should not wonder why.
 */
@Component
class InvitationNotifier {

    private final CustomerMail customerMail;
    private final ExternalAccessService access;
    private final StaffDirectory staff;

    InvitationNotifier(CustomerMail customerMail, ExternalAccessService access, StaffDirectory staff) {
        this.customerMail = customerMail;
        this.access = access;
        this.staff = staff;
    }

    @ApplicationModuleListener
    void on(PortalAccessChanged e) {
        if (e.change() != PortalAccessChanged.Change.INVITATION_CANCELLED) {
            return;
        }
        access.contactForNotification(e.accountId()).ifPresent(to -> customerMail.send(to,
                "mail.invitation-cancelled.subject", new Object[0], "mail.invitation-cancelled.body",
                ExtranetNavigation.PORTAL_HOME, staff.displayName(e.actor())));
    }
}
