package io.clientspace.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing on the portal's dashboard that waits for the signed-in contact, with what the line in the client's words
 * needs.
 *
 * @param reference the item's number (a client request's, a proposal's), or null where it has none
 * @param since     when the turn passed to the client: the question asked, the resolution, the sending
 * @param due       by when the client should act; null when nothing set a date
 * @param dueSoon   an acceptance whose deadline is within {@link PortalDashboard#DUE_SOON}: shown in amber
 * @param open      for an information request, the items still to answer; 0 otherwise
 * @param total     for an information request, all its items; 0 otherwise
 * @param path      the item's own portal page
 */
public record PortalWaiting(Kind kind, UUID id, String reference, String title, Instant since, Instant due,
                            boolean dueSoon, int open, int total, String path) {

    /** What waits, in the order of urgency the dashboard lists them. */
    public enum Kind {
        /** The team asked a question on the client's request. */
        REQUEST_QUESTION,
        /** The team resolved the client's request: confirm or reopen it. */
        REQUEST_CONFIRM,
        /** An information request with items to answer. */
        INFORMATION_REQUEST,
        /** A document version to accept. */
        ACCEPTANCE,
        /** A proposal to accept or decline. */
        PROPOSAL
    }
}
