package io.clientspace.acceptance.process;

import io.clientspace.acceptance.AcceptanceService;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of document-acceptance.bpmn: each reads the acceptance's id and calls one step of
 * {@link AcceptanceService}, in the job's transaction.
 */
@Configuration
class AcceptanceSteps {

    @Bean(DocumentAcceptanceProcess.TIMES_BEAN)
    AcceptanceTimes acceptanceTimes() {
        return new AcceptanceTimes();
    }

    @Bean(DocumentAcceptanceProcess.REMIND_DELEGATE)
    JavaDelegate remindOfAcceptance(AcceptanceService acceptances) {
        return execution -> acceptances.remind(acceptanceId(execution), AcceptanceTimes.duration(
                String.valueOf(execution.getVariable(DocumentAcceptanceProcess.VAR_REMIND_BEFORE))));
    }

    @Bean(DocumentAcceptanceProcess.MARK_EXPIRED_DELEGATE)
    JavaDelegate markAcceptanceExpired(AcceptanceService acceptances) {
        return execution -> acceptances.expire(acceptanceId(execution));
    }

    /**
     * The id; a timer's job that lost the race to an accept finds the instance's variables gone (the accept ended it
     * after the job was fetched): that is the engine's optimistic-lock case, and is reported as one (issue 21).
     */
    private static UUID acceptanceId(DelegateExecution execution) {
        Object id = execution.getVariable(DocumentAcceptanceProcess.VAR_ACCEPTANCE_ID);
        if (id == null) {
            throw new OptimisticLockingException("Acceptance process " + execution.getProcessInstanceId()
                    + " ended while this job ran");
        }
        return UUID.fromString(String.valueOf(id));
    }
}
