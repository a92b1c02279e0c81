package io.clientspace.task;

import java.time.Instant;
import java.util.UUID;

/** A comment on a task, by a staff member. */
public record TaskComment(UUID id, UUID taskId, String author, String authorName, String body, Instant createdAt) {
}
