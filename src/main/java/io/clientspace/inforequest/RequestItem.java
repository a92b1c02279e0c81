package io.clientspace.inforequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One item with its answer. {@code due}, the answer fields and the review fields are null until there is one.
 * {@code answerText} is a question's answer; {@code fileName} and {@code sizeBytes} describe a file item's upload.
 * An OPEN or RETURNED item with an answer holds what the customer saved but has not submitted yet.
 * {@code awaitingScan}: its uploaded file waits in quarantine for a virus scan; it cannot be submitted or downloaded
 * until a scan releases it.
 */
public record RequestItem(UUID id, int position, ItemKind kind, String prompt, LocalDate due, ItemState state,
                          String answerText, String fileName, Long sizeBytes, String answeredBy, Instant answeredAt,
                          String reviewComment, String reviewedByName, Instant reviewedAt, boolean awaitingScan) {

    public boolean hasAnswer() {
        return kind == ItemKind.FILE ? fileName != null : answerText != null && !answerText.isBlank();
    }

    /** An answer that a submit would send: on an open item, or given after a returned item was returned. */
    public boolean answerReady() {
        return hasAnswer() && (state == ItemState.OPEN || state == ItemState.RETURNED && answeredAt != null
                && reviewedAt != null && answeredAt.isAfter(reviewedAt));
    }
}
