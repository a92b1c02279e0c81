package io.clientspace.request;

import java.util.UUID;

/**
 * The extension point for requests that arrive by e-mail to the workspace address. The conversations module, once it
 * reads workspace mail (its issue has not landed), implements this for a mail shown in the Mail tab and offers "Turn
 * into request": it calls {@link ClientRequestService#raiseForClient} as the signed-in staff member, with the sender
 * as the contact and the mail's subject and text as the draft, and links the mail to the request it returns. Nothing
 * in this module depends on an implementation existing.
 *
 * @param <M> the mail as the conversations module knows it
 */
public interface RequestIntake<M> {

    /** The draft a mail becomes: category GENERAL unless the mail says otherwise, the sender as {@code contactId}. */
    RequestDraft draftOf(M mail);

    /** The client the mail belongs to. */
    UUID clientOf(M mail);
}
