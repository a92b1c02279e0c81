package io.clientspace.deal.process;

import io.clientspace.client.ArchiveConsequence;
import io.clientspace.client.ClientArchiveParticipant;
import io.clientspace.client.ClientArchived;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealService;
import io.clientspace.deal.domain.DealEntity;
import io.clientspace.deal.domain.DealRepository;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Archiving a client loses its open deals, with the archive's reason, through the deal-stages process itself: each
 * deal's stage task completes with the "lost" outcome, so the model's Lost end closes the row, writes the timeline and
 * ends the stage task in the inboxes, exactly as when the owner marks it lost. Runs inside the archiving transaction
 * (DD013): if one deal cannot be closed, nothing is archived.
 */
@Component
class ArchivedClientDeals implements ClientArchiveParticipant {

    private final DealService deals;
    private final DealRepository rows;
    private final TaskService engineTasks;

    ArchivedClientDeals(DealService deals, DealRepository rows, TaskService engineTasks) {
        this.deals = deals;
        this.rows = rows;
        this.engineTasks = engineTasks;
    }

    @Override
    public Optional<ArchiveConsequence> whenArchived(UUID clientId) {
        return ArchiveConsequence.of("deal.archive.consequence",
                deals.forClient(clientId).stream().filter(d -> d.stage().isOpen()).map(Deal::title).toList());
    }

    @Override
    public int order() {
        return 10;
    }

    @EventListener
    void on(ClientArchived event) {
        for (DealEntity deal : rows.findByClientIdOrderByCreatedAtDesc(event.clientId(), Pageable.unpaged())) {
            if (deal.getClosedAt() != null) {
                continue;
            }
            Task stage = engineTasks.createTaskQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID)
                    .processInstanceBusinessKey(deal.getId().toString()).active().singleResult();
            if (stage != null) {
                engineTasks.complete(stage.getId(), Map.of(
                        DealStagesProcess.VAR_OUTCOME, DealStagesProcess.OUTCOME_LOST,
                        DealStagesProcess.VAR_LOST_REASON, event.reason()));
            }
        }
    }
}
