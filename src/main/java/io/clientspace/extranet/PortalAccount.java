package io.clientspace.extranet;

import java.time.Instant;
import java.util.UUID;

/**
 * A person on the customer's side and their access to the client's portal. {@code status} is a
 * {@link PortalContactStatus} name. {@code invitedAt}, {@code invitedByName}, {@code invitationExpiresAt} and
 * {@code lastSignInAt} are null until that happened.
 */
public record PortalAccount(UUID id, String displayName, String email, String status, String grantedByName,
                            Instant grantedAt, PortalRole role, Instant invitedAt, String invitedByName,
                            Instant invitationExpiresAt, Instant lastSignInAt, long version,
                            ContactPolicy policy) {

    public PortalContactStatus contactStatus() {
        return PortalContactStatus.valueOf(status);
    }
}
