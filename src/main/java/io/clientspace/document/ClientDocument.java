package io.clientspace.document;

import java.time.Instant;
import java.util.UUID;

/** A contract, invoice, act or other document on a client. {@code type} and {@code status} are enum names. */
public record ClientDocument(UUID id, String title, String type, String status, Instant updatedAt) {
}
