package io.clientspace.conversation;

import io.clientspace.shared.WorkScope;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The live stream of a workspace's mail: a notice on it (PostgreSQL NOTIFY through
 * {@link io.clientspace.shared.live.ClientChanges#publishItem}) names the thread that got a message or changed state,
 * and every open Mail tab of the workspace, on any node, fetches that thread itself (DD025).
 */
final class MailStream {

    private MailStream() {
    }

    /** A fixed id per workspace, derived so that no table has to hold it; it cannot collide with a chat channel's. */
    static UUID of(WorkScope scope) {
        return UUID.nameUUIDFromBytes(("mail:" + scope.clientId() + ":" + scope.projectId())
                .getBytes(StandardCharsets.UTF_8));
    }
}
