package io.clientspace.checklist;

import java.util.UUID;

/** A workspace's required documents changed: an item added, removed, requested or provided. For live counters. */
public record ChecklistChanged(UUID clientId, UUID projectId, String actor) {
}
