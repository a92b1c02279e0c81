package io.clientspace.task;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A user task of another module's process (a proposal's approval, say) as "My tasks" lists it. {@code processStep} is
 * the model's task id, which the UI translates as {@code tasks.steps.<id>}; {@code title} names what it is about.
 * {@code projectId}, {@code assignee} and {@code due} may be null. {@code link} is the app path where the step is
 * worked on (a client request's page), which "My tasks" opens; null where the UI's hint says where (DD031).
 */
public record ProcessStep(UUID clientId, UUID projectId, String title, String engineTaskId, String processStep,
                          String assignee, LocalDate due, String link) {

    public ProcessStep(UUID clientId, UUID projectId, String title, String engineTaskId, String processStep,
                       String assignee, LocalDate due) {
        this(clientId, projectId, title, engineTaskId, processStep, assignee, due, null);
    }
}
