package io.clientspace.extranet;

/**
 * Who on a client's side is connected, for the manager's checklist: {@code active} contacts signed in and may use
 * the portal now; {@code invited} ones were sent an invitation they have not used yet, {@code expiringSoon} of them
 * run out within {@link ExternalAccessService#EXPIRING_WITHIN}; {@code notInvited} were added but not (or no longer)
 * invited: never invited, expired or revoked.
 */
public record AccessSummary(long active, long invited, long expiringSoon, long notInvited) {
}
