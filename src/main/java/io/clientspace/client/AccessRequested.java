package io.clientspace.client;

import java.util.UUID;

/** A staff member who cannot open a client asked its owner for access. */
public record AccessRequested(UUID clientId, String clientName, String workspacePath, String owner,
                              String requester) {
}
