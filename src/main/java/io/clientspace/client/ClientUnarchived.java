package io.clientspace.client;

import java.util.UUID;

/** An archived client was brought back. What archiving closed (lost deals, cancelled tasks, revoked access) stays so. */
public record ClientUnarchived(UUID clientId, ClientKind kind, String name, String actor) {
}
