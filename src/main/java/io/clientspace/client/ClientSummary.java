package io.clientspace.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of the client list. */
public record ClientSummary(UUID id, ClientKind kind, String name, String companyName, String ownerName,
                            String email, String phone, String city, List<String> tags, Instant updatedAt) {

    public String workspacePath() {
        return ClientNavigation.workspace(kind, id);
    }
}
