package io.clientspace.task;

import java.util.UUID;

/** A task on the client was created, assigned, completed, commented on, or had time booked. */
public record WorkTaskChanged(UUID taskId, UUID clientId, Change change, String actor) {

    public enum Change { CREATED, ASSIGNED, COMPLETED, COMMENTED, TIME_BOOKED }
}
