package io.clientspace.extranet.process;

import io.clientspace.shared.IsoDurations;
import io.clientspace.extranet.ExternalAccessService;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of extranet-invitation.bpmn: each reads the contact's id and calls one step of
 * {@link ExternalAccessService}. The identity step and the mail after it run as a job of their own (the model makes
 * ProvisionIdentity asynchronous), so a Keycloak that cannot be reached does not refuse the colleague's invitation: the
 * engine retries the job on the model's retry cycle and the mail goes out once Keycloak answers. The later steps run
 * in the transaction of whoever moved the process on (the customer's first sign-in, the expiry timer).
 */
@Configuration
class InvitationSteps {

    @Bean(ExtranetInvitationProcess.PROVISION_DELEGATE)
    JavaDelegate provisionCustomerIdentity(ExternalAccessService access) {
        return execution -> {
            Object language = execution.getVariable(ExtranetInvitationProcess.VAR_LOCALE);
            access.provisionIdentity(accountId(execution),
                    language == null ? Locale.ENGLISH : Locale.forLanguageTag(language.toString()));
        };
    }

    @Bean(ExtranetInvitationProcess.SEND_DELEGATE)
    JavaDelegate sendInvitationMail(ExternalAccessService access) {
        return execution -> access.sendInvitation(accountId(execution),
                validFor(String.valueOf(execution.getVariable(ExtranetInvitationProcess.VAR_VALID_FOR))));
    }

    @Bean(ExtranetInvitationProcess.MARK_ACTIVE_DELEGATE)
    JavaDelegate markInvitationActive(ExternalAccessService access) {
        return execution -> access.markActive(accountId(execution));
    }

    @Bean(ExtranetInvitationProcess.MARK_EXPIRED_DELEGATE)
    JavaDelegate markInvitationExpired(ExternalAccessService access) {
        return execution -> access.markExpired(accountId(execution));
    }

    /** The model's duration as the timer reads it: days and times (P7D, PT36H), or months and years (P1M). */
    static Duration validFor(String iso) {
        return IsoDurations.parse(iso);
    }

    private static UUID accountId(DelegateExecution execution) {
        return UUID.fromString(String.valueOf(execution.getVariable(ExtranetInvitationProcess.VAR_PORTAL_ACCOUNT_ID)));
    }
}
