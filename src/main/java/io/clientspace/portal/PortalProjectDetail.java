package io.clientspace.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A shared project's page on the portal. {@code lastActivity} is the latest thing the customer can see happen
 * (a shared document or a comment); null when nothing has. {@code tasksVisible} says whether the Tasks tab shows.
 * {@code outcome} is what the project must deliver (DD032); null when the team has not written it.
 */
public record PortalProjectDetail(UUID id, String name, String description, boolean tasksVisible, long totalMinutes,
                                  long billableMinutes, Instant lastActivity, List<PortalDocument> documents,
                                  String outcome) {
}
