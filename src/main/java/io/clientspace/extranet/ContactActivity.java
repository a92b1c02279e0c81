package io.clientspace.extranet;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing a portal contact did: signed in, downloaded a file or document, accepted or declined a proposal, or
 * accepted a document. {@code subjectId} and {@code title} are null for a sign-in.
 */
public record ContactActivity(Kind kind, Instant at, UUID subjectId, String title) {

    public enum Kind { SIGN_IN, DOWNLOAD, PROPOSAL_ACCEPTED, PROPOSAL_DECLINED, DOCUMENT_ACCEPTED }
}
