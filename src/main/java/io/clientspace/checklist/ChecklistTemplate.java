package io.clientspace.checklist;

import io.clientspace.client.ClientKind;
import java.util.List;
import java.util.UUID;

/**
 * Requirements that apply to the clients it matches: of {@code clientKind} (null: any kind) and carrying {@code tag}
 * (null: any tag, case ignored). A template with neither applies to every client.
 */
public record ChecklistTemplate(UUID id, String name, ClientKind clientKind, String tag, List<Requirement> requirements,
                                long version) {

    public boolean appliesTo(ClientKind kind, List<String> tags) {
        return ChecklistRules.matches(clientKind, tag, kind, tags);
    }
}
