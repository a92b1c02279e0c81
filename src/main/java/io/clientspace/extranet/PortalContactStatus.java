package io.clientspace.extranet;

/**
 * Where a portal contact stands: added but not invited; invited and not signed in yet; active; the invitation ran
 * out before they signed in; or their access was taken away.
 */
public enum PortalContactStatus {
    NOT_INVITED, INVITED, ACTIVE, EXPIRED, REVOKED;

    /** Whether the contact may use the portal now or holds an invitation that still works. */
    public boolean hasOrAwaitsAccess() {
        return this == ACTIVE || this == INVITED;
    }

    /** Whether an invitation may go out (again) now. */
    public boolean canInvite() {
        return this == NOT_INVITED || this == EXPIRED || this == REVOKED;
    }
}
