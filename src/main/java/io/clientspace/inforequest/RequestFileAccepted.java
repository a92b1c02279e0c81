package io.clientspace.inforequest;

import java.util.UUID;

/**
 * The team accepted a file the customer uploaded for an item, published inside the accepting transaction (DD013) so
 * that a listener which keeps the file elsewhere (the required-documents checklist makes a document of it) commits or
 * fails with the acceptance. {@code objectKey} names the accepted bytes in object storage; they stay where they are.
 *
 * @param actor the staff username who accepted it
 */
public record RequestFileAccepted(UUID requestId, UUID itemId, UUID clientId, UUID projectId, String objectKey,
                                  String fileName, String contentType, long sizeBytes, String sha256, String actor) {
}
