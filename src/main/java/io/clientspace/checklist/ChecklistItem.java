package io.clientspace.checklist;

import io.clientspace.document.DocumentType;
import java.time.Instant;
import java.util.UUID;

/**
 * One required document in a workspace, with its derived state. {@code fromTemplate} is false for an item a manager
 * added by hand. {@code requestNumber} and {@code requestId} name the information request that asks for it (null
 * unless REQUESTED); {@code documentId}, {@code documentTitle}, {@code versionNumber} and {@code providedAt} the
 * document version that satisfies it (null when none does); {@code renewBy} when it must be renewed (null unless
 * provided with a renewal period).
 */
public record ChecklistItem(UUID id, UUID requirementId, String name, DocumentType type, ProvidedBy providedBy,
                            String renewEvery, boolean fromTemplate, RequirementState state, UUID requestId,
                            UUID documentId, String documentTitle, int versionNumber, Instant providedAt,
                            Instant renewBy) {
}
