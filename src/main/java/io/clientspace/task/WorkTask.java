package io.clientspace.task;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An open task on a client. For process tasks {@code processStep} is the model's task id (for example StageNew),
 * which the UI translates; {@code title} is then the deal's title. {@code assignee} and {@code due} may be null.
 */
public record WorkTask(UUID id, UUID clientId, String title, String processStep, String assignee, String assigneeName,
                       LocalDate due, boolean overdue) {
}
