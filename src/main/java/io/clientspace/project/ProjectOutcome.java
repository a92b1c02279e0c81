package io.clientspace.project;

import java.time.Instant;
import java.util.UUID;

/**
 * What a project must deliver, in the team's words (DD032). {@code text} is null until someone writes it;
 * {@code version} is what an edit sends back, so that a stale screen is refused; {@code canEdit} says whether the
 * viewer may change it (those who may manage the project). {@code updatedByName} and {@code updatedAt} are null
 * until the first edit.
 */
public record ProjectOutcome(UUID projectId, String text, long version, boolean canEdit, String updatedByName,
                             Instant updatedAt) {
}
