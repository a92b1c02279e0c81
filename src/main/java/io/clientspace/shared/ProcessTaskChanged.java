package io.clientspace.shared;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A user task of a module's process opened, got another assignee, or closed (completed or deleted), published by the
 * module's task listener inside the engine's transaction. The task module mirrors it into "My tasks" (DD004) in that
 * same transaction. For modules the task module depends on, which therefore cannot call it (extranet's access review);
 * the others call {@code WorkTaskService.processStepOpened} and its siblings directly.
 *
 * @param clientId    the client; null unless OPENED
 * @param title       what the task is about, e.g. the client's name; null unless OPENED
 * @param processStep the model's task id, translated as {@code tasks.steps.<id>}; null unless OPENED
 * @param assignee    username, may be null
 * @param due         may be null
 */
public record ProcessTaskChanged(Change change, String engineTaskId, UUID clientId, String title, String processStep,
                                 String assignee, LocalDate due) {

    public enum Change { OPENED, ASSIGNED, CLOSED }
}
