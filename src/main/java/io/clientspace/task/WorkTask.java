package io.clientspace.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An open or finished task on a client or one of its projects ({@code projectId} null for the client as a whole).
 * {@code clientName} names the place (client, and project when there is one) and {@code clientPath} links to the
 * workspace the viewer may open. For process tasks {@code processStep} is the model's task id (for example
 * StageNew), which the UI translates, {@code title} is the deal's title and {@code dealId} is set; such a task is
 * done by moving the deal on, not here. {@code assignee}, {@code assigneeName}, {@code description} and {@code due}
 * may be null. A finished task ({@code done}) has {@code finishedAt}; {@code finishedByName} is who marked it done or
 * cancelled it (null when a process closed it), and a cancelled one has {@code cancelled} set and may have a
 * {@code cancelReason}. {@code link}: where another module's process step is worked on (DD031); null otherwise.
 */
public record WorkTask(UUID id, UUID clientId, UUID projectId, String clientName, String clientPath, String title, String description,
                       String processStep, UUID dealId, String assignee, String assigneeName, LocalDate due,
                       TaskPriority priority, boolean overdue, boolean done, long version, Instant finishedAt,
                       String finishedByName, boolean cancelled, String cancelReason, String link) {

    public boolean isProcessStep() {
        return processStep != null;
    }
}
