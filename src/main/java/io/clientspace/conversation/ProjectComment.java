package io.clientspace.conversation;

import java.time.Instant;
import java.util.UUID;

/** One message in a project's thread between the customer and the team; authors by display name only. */
public record ProjectComment(UUID id, String authorName, boolean fromCustomer, String body, Instant createdAt) {
}
