package io.clientspace.task.process;

import io.clientspace.task.domain.WorkTaskRepository;
import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a work_task row in step with the ad-hoc-task model's user task, inside the engine's transaction: attaches
 * the engine task when it is created, follows reassignments (also those made in Camunda Tasklist), and closes the
 * row when the task completes or is deleted there.
 */
@Component(AdHocTaskProcess.LISTENER)
class WorkTaskListener implements TaskListener {

    private final WorkTaskRepository tasks;
    private final Clock clock;

    WorkTaskListener(WorkTaskRepository tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID id = UUID.fromString((String) task.getVariable(AdHocTaskProcess.VAR_WORK_TASK_ID));
        var row = tasks.findById(id).orElseThrow(() -> new IllegalStateException("No work task " + id));
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> row.attachEngineTask(task.getId());
            case EVENTNAME_ASSIGNMENT -> row.assign(task.getAssignee());
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> row.complete(clock.instant());
            default -> {
                // other events do not change what the lists show
            }
        }
    }
}
