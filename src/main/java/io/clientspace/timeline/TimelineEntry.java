package io.clientspace.timeline;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing that happened on a client. {@code kind} names what (for example DEAL_STAGE, TASK_ASSIGNED); the UI
 * translates it and fills in {@code subjectTitle} and {@code detail} (a stage, a status, a version, a person's
 * name). {@code actorName} is empty when Clientspace acted on its own, for example a stall timer.
 */
public record TimelineEntry(UUID id, Instant occurredAt, String actorName, String kind, UUID subjectId,
                            String subjectTitle, String detail) {
}
