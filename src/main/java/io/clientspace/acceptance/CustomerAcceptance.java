package io.clientspace.acceptance;

import java.time.Instant;
import java.util.UUID;

/**
 * An acceptance as its client's portal shows it: the document, the deadline and, once accepted, who accepted it.
 * Nothing about the sender's side beyond their name, and the team's reason when they withdrew it.
 */
public record CustomerAcceptance(UUID id, String documentTitle, int versionNumber, String fileName,
                                 String contentType, String sha256, AcceptanceStatus status, String sentByName,
                                 Instant sentAt, Instant expiresAt, Instant acceptedAt, String acceptedName,
                                 Instant withdrawnAt, String withdrawReason) {

    /** Whether the browser can show the file itself: PDFs and common images. */
    public boolean previewable() {
        return contentType != null && (contentType.equals("application/pdf") || contentType.equals("image/png")
                || contentType.equals("image/jpeg") || contentType.equals("image/gif")
                || contentType.equals("image/webp"));
    }
}
