package io.clientspace.request.process;

import io.clientspace.request.ClientRequestService;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of client-request.bpmn: each reads the request's id and calls one step of
 * {@link ClientRequestService}. ApplyTriage runs in the transaction that raised the request; the others in the
 * timer's job.
 */
@Configuration
class ClientRequestSteps {

    @Bean(ClientRequestProcess.APPLY_TRIAGE_DELEGATE)
    JavaDelegate applyClientRequestTriage(ClientRequestService requests) {
        return execution -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> decision = (Map<String, Object>) execution.getVariable(ClientRequestProcess.VAR_TRIAGE);
            ClientRequestService.Targets t = requests.applyTriage(requestId(execution), decision);
            execution.setVariable(ClientRequestProcess.VAR_HANDLING_GROUP, t.handlingGroup());
            execution.setVariable(ClientRequestProcess.VAR_RESPONSE_DUE_AT, Date.from(t.responseDueAt()));
            execution.setVariable(ClientRequestProcess.VAR_RESOLUTION_DUE_AT, Date.from(t.resolutionDueAt()));
        };
    }

    @Bean(ClientRequestProcess.ESCALATE_DELEGATE)
    JavaDelegate escalateClientRequest(ClientRequestService requests) {
        return execution -> requests.escalate(requestId(execution),
                ClientRequestProcess.ESCALATE_RESOLUTION.equals(execution.getCurrentActivityId()));
    }

    @Bean(ClientRequestProcess.AUTO_CLOSE_DELEGATE)
    JavaDelegate autoCloseClientRequest(ClientRequestService requests) {
        return execution -> requests.autoClose(requestId(execution));
    }

    private static UUID requestId(DelegateExecution execution) {
        Object id = execution.getVariable(ClientRequestProcess.VAR_REQUEST_ID);
        if (id == null) {
            // the instance ended under this job (a confirm or a cancel committed first): the engine's answer to a
            // lost race, so the job executor drops the job instead of counting a failure
            throw new OptimisticLockingException("Client request process " + execution.getProcessInstanceId()
                    + " ended while this step ran");
        }
        return UUID.fromString(id.toString());
    }
}
