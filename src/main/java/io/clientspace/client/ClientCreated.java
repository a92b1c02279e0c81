package io.clientspace.client;

import java.util.UUID;

/** A client was created. */
public record ClientCreated(UUID clientId, ClientKind kind, String name, String createdBy) {
}
