package io.clientspace.deal.process;

import io.clientspace.security.CurrentUserProvider;
import io.clientspace.deal.DealStage;
import io.clientspace.deal.DealStageChanged;
import io.clientspace.deal.domain.DealEntity;
import io.clientspace.deal.domain.DealRepository;
import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Runs when the process reaches Won or Lost: closes the deal row in the same transaction. */
@Component(DealStagesProcess.CLOSED_LISTENER)
class DealClosedListener implements ExecutionListener {

    private final DealRepository deals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DealClosedListener(DealRepository deals, ApplicationEventPublisher events, Clock clock) {
        this.deals = deals;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        UUID dealId = UUID.fromString((String) execution.getVariable(DealStagesProcess.VAR_DEAL_ID));
        DealEntity deal = deals.findById(dealId).orElseThrow(() -> new IllegalStateException("No deal " + dealId));
        DealStage stage = DealStagesProcess.END_WON.equals(execution.getCurrentActivityId()) ? DealStage.WON
                : DealStage.LOST;
        deal.enterStage(stage, clock.instant());
        deal.setCloseReason((String) execution.getVariable(DealStage.WON.equals(stage)
                ? DealStagesProcess.VAR_WON_REASON : DealStagesProcess.VAR_LOST_REASON));
        deal.setNextStep(null);
        deal.setNextStepDue(null);
        events.publishEvent(new DealStageChanged(deal.getId(), deal.getClientId(), deal.getTitle(), stage,
                deal.getOwner(), CurrentUserProvider.usernameOrNull(), deal.getCloseReason(),
                DealStageChanged.Move.FORWARD));
    }
}
