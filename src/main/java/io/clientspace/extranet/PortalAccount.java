package io.clientspace.extranet;

import java.time.Instant;
import java.util.UUID;

/** A customer identity with access to a client's portal. {@code status} is INVITED or ACTIVE. */
public record PortalAccount(UUID id, String displayName, String email, String status, String grantedByName,
                            Instant grantedAt) {
}
