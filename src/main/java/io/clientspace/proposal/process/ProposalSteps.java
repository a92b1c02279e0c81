package io.clientspace.proposal.process;

import io.clientspace.proposal.ProposalService;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of proposal-approval.bpmn: each reads the proposal's id and calls one step of
 * {@link ProposalService}. They run in the transaction of whoever moved the process on (the submitter, the
 * approver, the customer's answer, or the expiry timer's job), so a failing step rolls that action back.
 */
@Configuration
class ProposalSteps {

    @Bean(ProposalApprovalProcess.REQUEST_APPROVAL_DELEGATE)
    JavaDelegate requestProposalApproval(ProposalService proposals) {
        return execution -> {
            Object decision = execution.getVariable(ProposalApprovalProcess.VAR_DECISION);
            Object reason = decision instanceof Map<?, ?> m ? m.get(ProposalApprovalProcess.OUT_APPROVAL_REASON)
                    : null;
            Object approver = execution.getVariable(ProposalApprovalProcess.VAR_APPROVER);
            proposals.requestApproval(proposalId(execution), reason == null ? null : reason.toString(),
                    approver == null ? null : approver.toString());
        };
    }

    @Bean(ProposalApprovalProcess.SEND_DELEGATE)
    JavaDelegate sendProposal(ProposalService proposals) {
        return execution -> proposals.send(proposalId(execution));
    }

    @Bean(ProposalApprovalProcess.MARK_EXPIRED_DELEGATE)
    JavaDelegate markProposalExpired(ProposalService proposals) {
        return execution -> proposals.expire(proposalId(execution));
    }

    @Bean(ProposalApprovalProcess.WIN_DEAL_DELEGATE)
    JavaDelegate winDealByProposal(ProposalService proposals) {
        return execution -> proposals.winLinkedDeal(proposalId(execution));
    }

    @Bean(ProposalApprovalProcess.PLAN_SETUP_DELEGATE)
    JavaDelegate planProjectSetup(ProposalService proposals) {
        return execution -> proposals.planProjectSetup(proposalId(execution));
    }

    /**
     * The id; a timer's job that lost the race to an answer finds the instance's variables gone (the answer ended it
     * after the job was fetched): that is the engine's optimistic-lock case, and is reported as one (issue 21).
     */
    static UUID proposalId(DelegateExecution execution) {
        Object id = execution.getVariable(ProposalApprovalProcess.VAR_PROPOSAL_ID);
        if (id == null) {
            throw new OptimisticLockingException("Proposal process " + execution.getProcessInstanceId()
                    + " ended while this job ran");
        }
        return UUID.fromString(String.valueOf(id));
    }
}
