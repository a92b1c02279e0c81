package io.clientspace.people;

import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.StaffMail;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the requester, in their language, how their access request was answered. Retried after a crash. */
@Component
class AccessAnswerNotifier {

    private final StaffMail mail;
    private final StaffDirectory staff;

    AccessAnswerNotifier(StaffMail mail, StaffDirectory staff) {
        this.mail = mail;
        this.staff = staff;
    }

    @ApplicationModuleListener
    void on(AccessRequestAnswered event) {
        String by = staff.displayName(event.answeredBy());
        String message = event.message() == null ? "" : event.message();
        if (event.granted()) {
            mail.send(event.requester(), "mail.access-granted.subject", new Object[] {event.clientName()},
                    "mail.access-granted.body", by, event.clientName(),
                    new StaffMail.Localized("members.levels." + event.level().name()), message,
                    mail.link(event.workspacePath()));
        } else {
            mail.send(event.requester(), "mail.access-declined.subject", new Object[] {event.clientName()},
                    "mail.access-declined.body", by, event.clientName(), message);
        }
    }
}
