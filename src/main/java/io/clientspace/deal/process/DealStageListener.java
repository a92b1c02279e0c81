package io.clientspace.deal.process;

import io.clientspace.security.CurrentUserProvider;
import io.clientspace.shared.TransactionBound;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import io.clientspace.deal.DealStage;
import io.clientspace.deal.DealStageChanged;
import io.clientspace.deal.DealStepAssigned;
import io.clientspace.deal.DealStepClosed;
import io.clientspace.deal.DealStepOpened;
import io.clientspace.deal.domain.DealEntity;
import io.clientspace.deal.domain.DealRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs when the engine opens or closes a stage's user task, inside the engine's transaction: records the stage on
 * the deal row and tells the task module, so lists and counters stay exact without scanning the engine.
 */
@Component(DealStagesProcess.STAGE_LISTENER)
class DealStageListener implements TaskListener {

    private final DealRepository deals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DealStageListener(DealRepository deals, ApplicationEventPublisher events, Clock clock) {
        this.deals = deals;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String event = task.getEventName();
        if (EVENTNAME_CREATE.equals(event)) {
            // the business key is the deal's id; reading a variable through the new task would query for task variables
            UUID dealId = UUID.fromString(task.getExecution().getProcessBusinessKey());
            // a deal being created is not persisted yet (NewDeal): it goes in below, with its stage and instance
            DealEntity fresh = NewDeal.take(dealId).orElse(null);
            DealEntity deal = fresh != null ? fresh
                    : deals.findById(dealId).orElseThrow(() -> new IllegalStateException("No deal " + dealId));
            // the model says which user tasks are stages: this listener runs on them only (DD015)
            DealStage stage = new DealStage(task.getTaskDefinitionKey(), task.getName());
            deal.enterStage(stage, clock.instant());
            if (!task.getProcessInstanceId().equals(deal.getProcessInstanceId())) {
                // the deal's first stage, or the first of a reopened deal's new instance: link the row to its instance
                // here, on the row this transaction writes (set by DealService.create on its own copy only, it never
                // reached the database: the fault drills found every deal without its instance id, so the deal list
                // never asked the engine for stages)
                deal.setProcessInstanceId(task.getProcessInstanceId());
            }
            if (fresh != null) {
                // one INSERT with the stage and the instance, before the task row that refers to the deal
                deals.save(fresh);
            }
            StageMoveNote note = StageMoveNote.take(dealId);
            events.publishEvent(new DealStageChanged(deal.getId(), deal.getClientId(), deal.getTitle(), stage,
                    deal.getOwner(), CurrentUserProvider.usernameOrNull(), note.reason(), note.move()));
            events.publishEvent(new DealStepOpened(deal.getId(), deal.getClientId(), deal.getTitle(), task.getId(),
                    task.getTaskDefinitionKey(), task.getAssignee(), toDate(task.getDueDate())));
            openedNow().put(task.getId(), task.getAssignee());
        } else if (EVENTNAME_ASSIGNMENT.equals(event)) {
            if (Objects.equals(openedNow().get(task.getId()), task.getAssignee())) {
                // the engine reports the model's assignee right after creating the task: DealStepOpened carried it
                return;
            }
            // also when someone reassigns the stage in Camunda Tasklist
            events.publishEvent(new DealStepAssigned(task.getId(), task.getAssignee()));
        } else if (EVENTNAME_COMPLETE.equals(event) || EVENTNAME_DELETE.equals(event)) {
            events.publishEvent(new DealStepClosed(task.getId()));
        }
    }

    /** Stage tasks opened in the current transaction, with the assignee they were opened with; empty outside one. */
    private Map<String, String> openedNow() {
        Map<String, String> opened = TransactionBound.get(this, HashMap::new);
        return opened == null ? new HashMap<>() : opened;
    }

    private LocalDate toDate(Date date) {
        return date == null ? null : date.toInstant().atZone(clock.getZone()).toLocalDate();
    }
}
