package io.clientspace.deal;

import java.time.LocalDate;

/**
 * A deal was edited in place while a stage's user task is open: the task shows the deal's {@code dealTitle} and is
 * due at {@code due} (null: no due date).
 */
public record DealStepUpdated(String engineTaskId, String dealTitle, LocalDate due) {
}
