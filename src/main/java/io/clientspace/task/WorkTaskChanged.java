package io.clientspace.task;

import java.util.UUID;

/**
 * A task on the client (and, when {@code projectId} is set, on that project) was created, assigned, completed, commented on, or had time booked. {@code detail} is the
 * assignee's username for CREATED and ASSIGNED (null when unassigned), the reason for CANCELLED, else null.
 */
public record WorkTaskChanged(UUID taskId, UUID clientId, UUID projectId, String title, Change change, String detail, String actor) {

    public enum Change { CREATED, ASSIGNED, COMPLETED, COMMENTED, TIME_BOOKED, EDITED, CANCELLED, REOPENED }
}
