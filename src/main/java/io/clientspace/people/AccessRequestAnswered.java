package io.clientspace.people;

import io.clientspace.client.AccessLevel;
import java.util.UUID;

/**
 * A client's manager answered a colleague's access request; the requester is told by e-mail.
 *
 * @param level   the level granted; {@link AccessLevel#NONE} when declined
 * @param message what the manager wrote to the requester; may be null
 */
public record AccessRequestAnswered(UUID requestId, UUID clientId, String clientName, String workspacePath,
                                    String requester, String answeredBy, AccessLevel level, String message) {

    public boolean granted() {
        return level != AccessLevel.NONE;
    }
}
