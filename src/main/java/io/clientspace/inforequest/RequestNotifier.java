package io.clientspace.inforequest;

import io.clientspace.project.ProjectNavigation;
import io.clientspace.extranet.CustomerMail;
import io.clientspace.project.ProjectService;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.StaffMail;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails about information requests, sent after the change committed and retried after a crash: the client's active
 * portal contacts hear of a sent request (with a link straight to it), of reminders and of returned items; the
 * project's owner hears when the customer submitted answers.
 */
@Component
class RequestNotifier {

    private final CustomerMail customerMail;
    private final StaffMail staffMail;
    private final StaffDirectory staff;
    private final ProjectService projects;

    RequestNotifier(CustomerMail customerMail, StaffMail staffMail, StaffDirectory staff, ProjectService projects) {
        this.customerMail = customerMail;
        this.staffMail = staffMail;
        this.staff = staff;
        this.projects = projects;
    }

    @ApplicationModuleListener
    void on(InformationRequestChanged e) {
        String path = RequestNavigation.portalPage(e.requestId());
        switch (e.change()) {
            case SENT -> customerMail.toActiveContacts(e.clientId(), "mail.request-sent.subject",
                    new Object[] {e.number(), e.title()}, "mail.request-sent.body", path,
                    staff.displayName(e.actor()), e.number(), e.title(), e.projectName());
            case REMINDED -> customerMail.toActiveContacts(e.clientId(), "mail.request-reminder.subject",
                    new Object[] {e.number(), e.title()}, "mail.request-reminder.body", path, e.number(), e.title(),
                    e.detail());
            case ITEM_RETURNED -> customerMail.toActiveContacts(e.clientId(), "mail.request-returned.subject",
                    new Object[] {e.number(), e.title()}, "mail.request-returned.body", path,
                    staff.displayName(e.actor()), e.number(), e.title(), e.detail(), e.note());
            case SUBMITTED -> projects.ownerAndSharing(e.projectId()).ifPresent(p -> staffMail.send(p.owner(),
                    "mail.request-submitted.subject", new Object[] {e.detail(), e.number()},
                    "mail.request-submitted.body", e.detail(), e.number(), e.title(), e.projectName(), e.note(),
                    staffMail.link(ProjectNavigation.workspace(e.projectId()))));
            default -> {
                // created, accepted, completed and cancelled show on the timeline; nobody needs a mail for them
            }
        }
    }
}
