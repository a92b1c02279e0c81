package io.clientspace.extranet.process;

import io.clientspace.extranet.AccessReviewService;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of access-review.bpmn: each reads the ids it needs and calls one step of
 * {@link AccessReviewService}, setting only the small result the model branches on.
 */
@Configuration
class AccessReviewSteps {

    @Bean(AccessReviewProcess.OPEN_DELEGATE)
    JavaDelegate openAccessReview(AccessReviewService reviews) {
        return execution -> {
            var opened = reviews.open(clientId(execution));
            execution.setVariable(AccessReviewProcess.VAR_REVIEW_ID,
                    opened.map(o -> o.reviewId().toString()).orElse(null));
            execution.setVariable(AccessReviewProcess.VAR_REVIEWER, opened.map(o -> o.reviewer()).orElse(null));
        };
    }

    @Bean(AccessReviewProcess.ESCALATE_DELEGATE)
    JavaDelegate escalateAccessReview(AccessReviewService reviews) {
        return execution -> execution.setVariable(AccessReviewProcess.VAR_ESCALATED_TO,
                reviews.escalate(reviewId(execution)));
    }

    @Bean(AccessReviewProcess.REVOKE_DELEGATE)
    JavaDelegate revokeReviewedAccess(AccessReviewService reviews) {
        return execution -> reviews.revokeDecided(reviewId(execution));
    }

    private static UUID clientId(DelegateExecution execution) {
        return UUID.fromString(String.valueOf(execution.getVariable(AccessReviewProcess.VAR_CLIENT_ID)));
    }

    private static UUID reviewId(DelegateExecution execution) {
        return UUID.fromString(String.valueOf(execution.getVariable(AccessReviewProcess.VAR_REVIEW_ID)));
    }
}
