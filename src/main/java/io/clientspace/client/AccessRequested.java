package io.clientspace.client;

import java.util.UUID;

/**
 * A staff member who cannot open a client, or one of its projects, asked its owner for access. For a project,
 * {@code projectId} is set, {@code clientName} is the project's name and {@code owner} the project's owner; it is
 * null for a client.
 */
public record AccessRequested(UUID clientId, UUID projectId, String clientName, String workspacePath, String owner,
                              String requester) {
}
