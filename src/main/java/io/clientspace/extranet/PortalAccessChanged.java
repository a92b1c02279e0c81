package io.clientspace.extranet;

import java.util.UUID;

/**
 * A portal contact was added, invited, re-invited, signed in for the first time, let their invitation run out, or
 * lost their access, or had their unused invitation cancelled. {@code actor} is null for what the process did on
 * its own (an expiry, a first sign-in).
 */
public record PortalAccessChanged(UUID accountId, UUID clientId, String contactName, Change change, String actor) {

    public enum Change { ADDED, INVITED, RESENT, ACTIVATED, EXPIRED, REVOKED, INVITATION_CANCELLED, EDITED, POLICY_CHANGED, REMOVED }
}
