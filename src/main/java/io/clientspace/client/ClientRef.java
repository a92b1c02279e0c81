package io.clientspace.client;

import java.util.UUID;

/** Enough of a client to name it and link to its workspace, for lists that span clients. */
public record ClientRef(UUID id, ClientKind kind, String name, String owner) {

    public String workspacePath() {
        return ClientNavigation.workspace(kind, id);
    }
}
