package io.clientspace.request.process;

import io.clientspace.request.ClientRequestNavigation;
import io.clientspace.request.domain.ClientRequestEntity;
import io.clientspace.request.domain.ClientRequestRepository;
import io.clientspace.task.ProcessStep;
import io.clientspace.task.WorkTaskService;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Mirrors the request's work step (WorkOnRequest) into the assignee's "My tasks" (DD031), in the engine's
 * transaction: opened when someone takes the request, when the client answers or reopens it and after a hand-on (a
 * new step for the new assignee); closed when the assignee asks the client, hands it on or resolves it, and when the
 * request is cancelled. So it leaves "My tasks" while the client has the turn. The task links to the request's page;
 * it is assigned there, not in "My tasks".
 */
@Component(ClientRequestProcess.TASK_LISTENER)
class ClientRequestTaskListener implements TaskListener {

    private final ClientRequestRepository requests;
    private final WorkTaskService workTasks;
    private final java.time.Clock clock;

    ClientRequestTaskListener(ClientRequestRepository requests, WorkTaskService workTasks, java.time.Clock clock) {
        this.requests = requests;
        this.workTasks = workTasks;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                UUID id = UUID.fromString(String.valueOf(task.getVariable(ClientRequestProcess.VAR_REQUEST_ID)));
                ClientRequestEntity r = requests.findById(id)
                        .orElseThrow(() -> new IllegalStateException("No client request " + id));
                workTasks.processStepOpened(new ProcessStep(r.getClientId(), r.getProjectId(),
                        r.getNumber() + " " + r.getSubject(), task.getId(), task.getTaskDefinitionKey(),
                        task.getAssignee(), r.getResolutionDueAt() == null ? null
                        : r.getResolutionDueAt().atZone(clock.getZone()).toLocalDate(),
                        ClientRequestNavigation.staffPage(r.getId())));
            }
            case EVENTNAME_ASSIGNMENT -> workTasks.processStepAssigned(task.getId(), task.getAssignee());
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> workTasks.processStepClosed(task.getId());
            default -> {
                // other events do not change what the lists show
            }
        }
    }
}
