package io.clientspace.deal.process;

import io.clientspace.deal.DealStalled;
import io.clientspace.deal.domain.DealEntity;
import io.clientspace.deal.domain.DealRepository;
import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs when a stage's stall timer fires (the deal did not move for stallAfter): flags the deal in the same
 * transaction and announces it, so the owner is told and the workspace shows it. The flag goes when the deal enters
 * its next stage.
 */
@Component(DealStagesProcess.STALLED_LISTENER)
class DealStalledListener implements ExecutionListener {

    private final DealRepository deals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DealStalledListener(DealRepository deals, ApplicationEventPublisher events, Clock clock) {
        this.deals = deals;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        UUID dealId = UUID.fromString((String) execution.getVariable(DealStagesProcess.VAR_DEAL_ID));
        DealEntity deal = deals.findById(dealId).orElseThrow(() -> new IllegalStateException("No deal " + dealId));
        if (deal.getClosedAt() != null || deal.getStalledAt() != null) {
            return;
        }
        deal.markStalled(clock.instant());
        events.publishEvent(new DealStalled(deal.getId(), deal.getClientId(), deal.getTitle(), deal.getStage(),
                deal.getOwner(), deal.getStalledAt()));
    }
}
