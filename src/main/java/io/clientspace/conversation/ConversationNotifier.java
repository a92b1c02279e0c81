package io.clientspace.conversation;

import io.clientspace.extranet.CustomerMail;
import io.clientspace.project.ProjectNavigation;
import io.clientspace.project.ProjectService;
import io.clientspace.shared.StaffMail;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails about a project's thread, sent after the message committed and retried after a crash: the project's owner
 * hears of a customer's message, and the client's active portal contacts of the team's answer while the project is
 * shared.
 */
@Component
class ConversationNotifier {

    private final CustomerMail customerMail;
    private final ProjectService projects;
    private final StaffMail staffMail;

    ConversationNotifier(CustomerMail customerMail, ProjectService projects, StaffMail staffMail) {
        this.customerMail = customerMail;
        this.projects = projects;
        this.staffMail = staffMail;
    }

    @ApplicationModuleListener
    void on(ProjectCommentPosted event) {
        var project = projects.ownerAndSharing(event.projectId()).orElse(null);
        if (project == null) {
            return;
        }
        if (event.fromCustomer()) {
            staffMail.send(project.owner(), "mail.comment-from-customer.subject",
                    new Object[] {event.authorName(), event.projectName()}, "mail.comment-from-customer.body",
                    event.authorName(), event.projectName(),
                    staffMail.link(ProjectNavigation.workspace(event.projectId())));
            return;
        }
        if (!project.sharedWithClient()) {
            return;
        }
        customerMail.toActiveContacts(event.clientId(), "mail.comment-from-team.subject",
                new Object[] {event.projectName()}, "mail.comment-from-team.body",
                ProjectNavigation.portalPage(event.projectId()), event.authorName(), event.projectName());
    }
}
