package io.clientspace.conversation;

import io.clientspace.request.ClientRequestService;
import io.clientspace.request.RequestDraft;
import io.clientspace.request.RequestIntake;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns a mail thread into a client request through the request module's extension point: category GENERAL, the
 * thread's subject, and the first incoming message's text as the description.
 */
@Component
public class MailRequestIntake implements RequestIntake<MailThreadView> {

    static final String CATEGORY = "GENERAL";

    @Override
    public RequestDraft draftOf(MailThreadView mail) {
        String subject = mail.subject() == null || mail.subject().isBlank() ? "(no subject)" : mail.subject();
        if (subject.length() > ClientRequestService.SUBJECT_MAX) {
            subject = subject.substring(0, ClientRequestService.SUBJECT_MAX);
        }
        String text = mail.messages().stream().filter(m -> !m.outgoing() && m.text() != null).map(MailItem::text)
                .findFirst().orElse(null);
        if (text != null && text.length() > ClientRequestService.DESCRIPTION_MAX) {
            text = text.substring(0, ClientRequestService.DESCRIPTION_MAX);
        }
        return new RequestDraft(CATEGORY, subject, text, mail.scope().projectId(), null, null);
    }

    @Override
    public UUID clientOf(MailThreadView mail) {
        return mail.scope().clientId();
    }
}
