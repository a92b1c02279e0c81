package io.clientspace.people;

import io.clientspace.client.AccessLevel;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One person who can open a client, as the Members tab lists them.
 *
 * @param username    never null
 * @param displayName never null
 * @param level       never {@link AccessLevel#NONE}
 * @param owner       the client's owner: a manager by ownership, changed in the client's details, not here
 * @param endsOn      the last day of access; null for no end (and for the owner)
 * @param grantedBy   username; null for the owner
 * @param grantedAt   null for the owner
 * @param version     for changes: the row as the user saw it; 0 for the owner
 */
public record WorkspaceMember(String username, String displayName, AccessLevel level, boolean owner, LocalDate endsOn,
                              String grantedBy, Instant grantedAt, long version) {
}
