package io.clientspace.inforequest.process;

import io.clientspace.inforequest.InformationRequestService;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of information-request.bpmn: each reads the request's id and calls one step of
 * {@link InformationRequestService}. They run in the transaction of whoever moved the process on (a submit, a
 * review) or of the timer's job.
 */
@Configuration
class InformationRequestSteps {

    @Bean(InformationRequestProcess.CHECK_DELEGATE)
    JavaDelegate checkRequestProgress(InformationRequestService requests) {
        return execution -> execution.setVariable(InformationRequestProcess.VAR_WAITING_ON,
                requests.waitingOn(requestId(execution)).name().toLowerCase(Locale.ROOT));
    }

    @Bean(InformationRequestProcess.REMIND_DELEGATE)
    JavaDelegate remindCustomer(InformationRequestService requests) {
        return execution -> requests.remind(requestId(execution));
    }

    @Bean(InformationRequestProcess.COMPLETE_DELEGATE)
    JavaDelegate completeRequest(InformationRequestService requests) {
        return execution -> requests.complete(requestId(execution));
    }

    private static UUID requestId(DelegateExecution execution) {
        return UUID.fromString(String.valueOf(execution.getVariable(InformationRequestProcess.VAR_REQUEST_ID)));
    }
}
