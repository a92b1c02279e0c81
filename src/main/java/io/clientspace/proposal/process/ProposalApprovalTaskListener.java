package io.clientspace.proposal.process;

import io.clientspace.proposal.domain.ProposalRepository;
import io.clientspace.task.ProcessStep;
import io.clientspace.task.WorkTaskService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the approval task in "My tasks": the task module's row follows the engine's user task (created, assigned
 * also in Camunda Tasklist, completed or deleted), inside the engine's transaction, like a deal's stage.
 */
@Component(ProposalApprovalProcess.TASK_LISTENER)
class ProposalApprovalTaskListener implements TaskListener {

    private final ProposalRepository proposals;
    private final WorkTaskService workTasks;
    private final Clock clock;

    ProposalApprovalTaskListener(ProposalRepository proposals, WorkTaskService workTasks, Clock clock) {
        this.proposals = proposals;
        this.workTasks = workTasks;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                UUID id = UUID.fromString((String) task.getVariable(ProposalApprovalProcess.VAR_PROPOSAL_ID));
                var p = proposals.findById(id).orElseThrow(() -> new IllegalStateException("No proposal " + id));
                LocalDate due = task.getDueDate() == null ? null
                        : task.getDueDate().toInstant().atZone(clock.getZone()).toLocalDate();
                workTasks.processStepOpened(new ProcessStep(p.getClientId(), null,
                        p.getNumber() + " " + p.getTitle(), task.getId(), task.getTaskDefinitionKey(),
                        task.getAssignee(), due));
            }
            case EVENTNAME_ASSIGNMENT -> workTasks.processStepAssigned(task.getId(), task.getAssignee());
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> workTasks.processStepClosed(task.getId());
            default -> {
                // other events do not change what the lists show
            }
        }
    }
}
