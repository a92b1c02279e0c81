package io.clientspace.modeling;

import java.time.Instant;

/** One row of the process owners' audit: who did what to which model and version. {@code detail} may be null. */
public record AuditEntry(Instant at, String actor, ModelAction action, String modelKey, Integer version,
        String detail) {
}
