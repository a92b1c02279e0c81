package io.clientspace.client;

import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.StaffMail;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells a client's owner by e-mail, in their language, that a colleague asks for access. Retried after a crash. */
@Component
class AccessRequestNotifier {

    private final StaffMail mail;
    private final StaffDirectory staff;

    AccessRequestNotifier(StaffMail mail, StaffDirectory staff) {
        this.mail = mail;
        this.staff = staff;
    }

    @ApplicationModuleListener
    void on(AccessRequested event) {
        String requester = staff.displayName(event.requester());
        boolean project = event.projectId() != null;
        Object[] subject = {requester, event.clientName()};
        if (project) {
            mail.send(event.owner(), "mail.project-access-request.subject", subject,
                    "mail.project-access-request.body", requester, event.clientName(), mail.link(event.workspacePath()));
        } else {
            // the owner answers in the client's Members tab or in "My tasks" (issue 15)
            mail.send(event.owner(), "mail.access-request.subject", subject, "mail.access-request.body-members",
                    requester, event.clientName(), mail.link(event.workspacePath()));
        }
    }
}
