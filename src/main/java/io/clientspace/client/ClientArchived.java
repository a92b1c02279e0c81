package io.clientspace.client;

import java.util.UUID;

/**
 * A client was archived. Published inside the archiving transaction: listeners that close the client's open work
 * (deals lost with {@code reason}, tasks cancelled, portal access revoked) run in it, so all of it commits together.
 *
 * @param reason the reason open deals are lost with, in the archiving user's language
 */
public record ClientArchived(UUID clientId, ClientKind kind, String name, String actor, String reason) {
}
