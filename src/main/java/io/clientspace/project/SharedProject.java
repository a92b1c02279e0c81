package io.clientspace.project;

import java.util.UUID;

/**
 * A project as the client's portal may show it: no owner, members, dates or other internal fields.
 * {@code description} and {@code outcome} (what the project must deliver, DD032) may be null.
 */
public record SharedProject(UUID id, UUID clientId, String name, String description, ProjectStatus status,
                            boolean tasksVisible, String outcome) {
}
