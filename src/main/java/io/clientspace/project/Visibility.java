package io.clientspace.project;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the current staff member may open, for queries that span clients ("My tasks", counters): everything, or the
 * clients they own and the projects they own or are members of.
 */
public record Visibility(boolean everything, Set<UUID> clients, Set<UUID> projects) {

    /** A placeholder id for an empty IN list, which no row has. */
    private static final UUID NONE = new UUID(0, 0);

    public boolean sees(UUID clientId, UUID projectId) {
        return everything || clients.contains(clientId) || (projectId != null && projects.contains(projectId));
    }

    public boolean seesNothing() {
        return !everything && clients.isEmpty() && projects.isEmpty();
    }

    /** The client ids for an IN list; never empty. */
    public List<UUID> clientIds() {
        return clients.isEmpty() ? List.of(NONE) : List.copyOf(clients);
    }

    /** The project ids for an IN list; never empty. */
    public List<UUID> projectIds() {
        return projects.isEmpty() ? List.of(NONE) : List.copyOf(projects);
    }
}
