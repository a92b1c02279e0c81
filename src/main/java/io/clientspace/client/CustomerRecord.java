package io.clientspace.client;

import java.util.UUID;

/** What a customer may see of their own client record: no owner, notes or other internal fields. */
public record CustomerRecord(UUID id, ClientKind kind, String name) {
}
