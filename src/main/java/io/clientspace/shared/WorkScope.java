package io.clientspace.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a piece of work lives: on a client, or on one of the client's projects. Tasks, files and documents are
 * listed, counted and created in a scope; the project scope is a part of its client's.
 *
 * @param clientId  never null
 * @param projectId null for the client as a whole
 */
public record WorkScope(UUID clientId, UUID projectId) {

    public WorkScope {
        Objects.requireNonNull(clientId, "clientId");
    }

    public static WorkScope client(UUID clientId) {
        return new WorkScope(clientId, null);
    }

    public static WorkScope project(UUID clientId, UUID projectId) {
        return new WorkScope(clientId, Objects.requireNonNull(projectId, "projectId"));
    }

    public boolean isProject() {
        return projectId != null;
    }
}
