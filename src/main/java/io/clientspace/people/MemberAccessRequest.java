package io.clientspace.people;

import java.time.Instant;
import java.util.UUID;

/**
 * A colleague's open request to open a client, waiting for one of its managers to answer it.
 *
 * @param requester     username, never null
 * @param requesterName never null
 */
public record MemberAccessRequest(UUID id, UUID clientId, String requester, String requesterName,
                                  Instant requestedAt) {
}
