package io.clientspace.proposal;

import java.util.UUID;

/**
 * A proposal moved on. Published inside the change's transaction; mails go out from listeners after the commit.
 * {@code actor} is the staff member who did it, null for the customer or the engine; {@code approver} is set for
 * SUBMITTED_FOR_APPROVAL when the rules' approver is known; {@code reason} is the team's reason for WITHDRAWN, else
 * null.
 */
public record ProposalChanged(UUID proposalId, UUID clientId, String number, String title, Change change,
                              String owner, String actor, String approver, String reason) {

    public enum Change { CREATED, UPDATED, SUBMITTED_FOR_APPROVAL, APPROVED, RETURNED, SENT, ACCEPTED, DECLINED,
        EXPIRED, WITHDRAWN, REVISED }
}
