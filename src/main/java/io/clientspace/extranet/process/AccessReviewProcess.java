package io.clientspace.extranet.process;

/**
 * Everything in processes/access-review.bpmn that the code relies on. The business key is the client's id; one
 * instance runs per client while it has active portal contacts (DD020). ProcessModelContractTests fails the build
 * when a process owner's edit removes one of these.
 */
public final class AccessReviewProcess {

    public static final String PROCESS_ID = "access-review";
    public static final String RESOURCE = "processes/access-review.bpmn";

    public static final String START = "AccessReviewStarted";
    /** The timer that waits one review period. */
    public static final String REVIEW_DUE = "ReviewDue";
    public static final String OPEN_REVIEW = "OpenReview";
    /** The owner's task: Keep or Revoke for each active contact. */
    public static final String REVIEW_TASK = "ReviewAccess";
    /** The boundary timer on the owner's task that hands the review to a manager. */
    public static final String REVIEW_OVERDUE = "ReviewOverdue";
    public static final String ESCALATE_REVIEW = "EscalateReview";
    /** The manager's task once the owner did not answer in time. */
    public static final String ESCALATED_TASK = "ReviewAccessEscalated";
    public static final String REVOKE_ACCESS = "RevokeAccess";
    public static final String END_NOBODY = "NobodyToReview";

    public static final String VAR_CLIENT_ID = "clientId";
    /** ISO-8601 review period; the start event sets its default (P90D) unless the instance brings its own. */
    public static final String VAR_EVERY = "reviewAccessEvery";
    /** ISO-8601 time the owner has to answer before a manager gets the review; default P7D, set like VAR_EVERY. */
    public static final String VAR_ESCALATE_AFTER = "reviewEscalateAfter";
    /** The open review's id, set by OpenReview; null when the client had no active contact. */
    public static final String VAR_REVIEW_ID = "accessReviewId";
    /** Username of the client's owner, the review task's assignee. */
    public static final String VAR_REVIEWER = "reviewer";
    /** Username of the manager the review went to. */
    public static final String VAR_ESCALATED_TO = "escalatedTo";
    /** How many contacts the answer revokes; set when the review task is completed. */
    public static final String VAR_REVOKE_COUNT = "revokeCount";

    /** Bean names of the delegates and the task listener the model calls. */
    public static final String OPEN_DELEGATE = "openAccessReview";
    public static final String ESCALATE_DELEGATE = "escalateAccessReview";
    public static final String REVOKE_DELEGATE = "revokeReviewedAccess";
    public static final String TASK_LISTENER = "accessReviewTaskListener";

    private AccessReviewProcess() {
    }
}
