package io.clientspace.proposal.process;

/**
 * Everything in processes/proposal-approval.bpmn and processes/proposal-approval-rules.dmn that the code relies on.
 * The business key is the proposal's id. ProcessModelContractTests fails the build when a process owner's edit
 * removes one of these.
 */
public final class ProposalApprovalProcess {

    public static final String PROCESS_ID = "proposal-approval";
    public static final String RESOURCE = "processes/proposal-approval.bpmn";

    /** The decision table that says whether a proposal needs approval; its file is proposal-approval-rules.dmn. */
    public static final String DECISION_ID = "proposal-approval-rules";
    public static final String DECISION_RESOURCE = "processes/proposal-approval-rules.dmn";
    /** The decision's inputs, set by ProposalService when it starts the process. */
    public static final String VAR_FEE_AMOUNT = "feeAmount";
    public static final String VAR_DISCOUNT_PERCENT = "discountPercent";
    public static final String VAR_FEE_MODEL = "feeModel";
    /** The decision's outputs (one row, hit policy FIRST). */
    public static final String OUT_APPROVAL_REQUIRED = "approvalRequired";
    public static final String OUT_APPROVAL_REASON = "approvalReason";
    /** Where the business rule task puts the decision's single result, a map of the outputs above. */
    public static final String VAR_DECISION = "approvalDecision";

    public static final String START = "ProposalSubmitted";
    public static final String DECIDE_APPROVAL = "DecideApproval";
    public static final String REQUEST_APPROVAL = "RequestApproval";
    public static final String APPROVE_TASK = "ApproveProposal";
    public static final String SEND = "SendProposal";
    /** The event-based gateway where a sent proposal waits for the customer's answer or its expiry. */
    public static final String AWAIT_ANSWER = "AwaitCustomerAnswer";
    public static final String ACCEPTED = "CustomerAccepted";
    public static final String DECLINED = "CustomerDeclined";
    public static final String EXPIRY_TIMER = "ValidUntilPassed";
    public static final String MARK_EXPIRED = "MarkExpired";
    public static final String WIN_DEAL = "WinDeal";
    public static final String PLAN_SETUP = "PlanProjectSetup";
    public static final String END_RETURNED = "ProposalReturned";
    public static final String END_ACCEPTED = "ProposalAccepted";
    public static final String END_DECLINED = "ProposalDeclined";
    public static final String END_EXPIRED = "ProposalExpired";
    /** The catch event where a sent proposal hears that the team withdrew it, and the end it leads to. */
    public static final String WITHDRAWN = "TeamWithdrew";
    public static final String END_WITHDRAWN = "ProposalWithdrawn";

    /**
     * Message names. ProposalService correlates them after it has locked the proposal and recorded the answer:
     * {@code createMessageCorrelation(name).processInstanceBusinessKey(proposalId).correlateAllWithResult()}.
     */
    public static final String MSG_ACCEPTED = "CustomerAccepted";
    public static final String MSG_DECLINED = "CustomerDeclined";
    /** The team withdrew the sent proposal (after recording it on the locked row). */
    public static final String MSG_WITHDRAWN = "ProposalWithdrawn";

    public static final String VAR_PROPOSAL_ID = "proposalId";
    /** Who approves: set by the service; null leaves the task to the admins and managers ("Unassigned"). */
    public static final String VAR_APPROVER = "approver";
    /** The approver's verdict, set when the approval task completes. */
    public static final String VAR_APPROVED = "approved";
    /** When the proposal expires: the end of its valid-until day in the firm's time zone (a date). */
    public static final String VAR_EXPIRES_AT = "expiresAt";

    /** Bean names the model's service tasks and listeners call. */
    public static final String REQUEST_APPROVAL_DELEGATE = "requestProposalApproval";
    public static final String SEND_DELEGATE = "sendProposal";
    public static final String MARK_EXPIRED_DELEGATE = "markProposalExpired";
    public static final String WIN_DEAL_DELEGATE = "winDealByProposal";
    public static final String PLAN_SETUP_DELEGATE = "planProjectSetup";
    public static final String TASK_LISTENER = "proposalApprovalTaskListener";

    private ProposalApprovalProcess() {
    }
}
