package io.clientspace.checklist;

import io.clientspace.client.ClientKind;
import java.util.List;
import java.util.UUID;

/** A template as a manager writes it; {@code clientKind} and {@code tag} may be null. */
public record TemplateDraft(String name, ClientKind clientKind, String tag, List<UUID> requirementIds) {
}
