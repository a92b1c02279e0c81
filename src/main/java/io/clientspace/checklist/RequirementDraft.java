package io.clientspace.checklist;

import io.clientspace.document.DocumentType;

/** A requirement as a manager types it; {@code renewEvery} may be blank for "never". */
public record RequirementDraft(String name, DocumentType type, String renewEvery, ProvidedBy providedBy) {
}
