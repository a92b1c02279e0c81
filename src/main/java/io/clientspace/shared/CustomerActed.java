package io.clientspace.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * A customer answered something in the portal: accepted or declined a proposal, or accepted a document. Published
 * by the module that owns the answer, inside its transaction; external access keeps it as the contact's activity,
 * the evidence an access review looks at. It lives here because those modules already depend on external access.
 *
 * @param clientId  the client; never null
 * @param accountId the portal contact who answered; never null
 * @param kind      what they did
 * @param subjectId the proposal or document
 * @param title     what the contact saw it as, then
 */
public record CustomerActed(UUID clientId, UUID accountId, Kind kind, UUID subjectId, String title) {

    public enum Kind { PROPOSAL_ACCEPTED, PROPOSAL_DECLINED, DOCUMENT_ACCEPTED }

    public CustomerActed {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
    }
}
