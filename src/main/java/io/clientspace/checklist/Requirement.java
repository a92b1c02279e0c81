package io.clientspace.checklist;

import io.clientspace.document.DocumentType;
import java.util.UUID;

/**
 * A document the firm requires of some clients. {@code renewEvery} is an ISO-8601 period or duration (P1Y, P6M, P90D)
 * after which a provided document must be renewed; null when it never expires.
 */
public record Requirement(UUID id, String name, DocumentType type, String renewEvery, ProvidedBy providedBy,
                          long version) {
}
