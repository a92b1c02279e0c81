package io.clientspace.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The colleagues a client's managers let in, with their level. The people module keeps them and answers; the client
 * module asks it in every access check, so it knows no member table. Only grants that have not expired count.
 */
public interface ClientMemberships {

    /** The level granted to the user on the client; {@link AccessLevel#NONE} when there is no live grant. */
    AccessLevel grantedLevel(UUID clientId, String username);

    /** The clients where the user holds a live grant, at any level. */
    List<UUID> clientsOf(String username);

    /** The clients where the user holds a live grant as editor or manager (not only viewer). */
    List<UUID> clientsAboveViewer(String username);

    /** Username to level of the client's live grants. */
    Map<String, AccessLevel> grantsOn(UUID clientId);
}
