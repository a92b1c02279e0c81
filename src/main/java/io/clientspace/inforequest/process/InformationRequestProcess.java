package io.clientspace.inforequest.process;

/**
 * Everything in processes/information-request.bpmn that the code relies on. The business key is the request's id.
 * ProcessModelContractTests fails the build when a process owner's edit removes one of these.
 */
public final class InformationRequestProcess {

    public static final String PROCESS_ID = "information-request";
    public static final String RESOURCE = "processes/information-request.bpmn";

    public static final String START = "RequestSent";
    /** The sub-process that runs while the request is open; cancelling interrupts it wherever it waits. */
    public static final String COLLECT = "CollectAnswers";
    public static final String CHECK_PROGRESS = "CheckProgress";
    public static final String WAITING_ON = "WaitingOn";
    /** The event-based gateway where a request waits while items are open or returned on the customer's side. */
    public static final String AWAIT_CUSTOMER = "AwaitCustomer";
    public static final String CUSTOMER_SUBMITTED = "CustomerSubmitted";
    public static final String REVIEWED_MEANWHILE = "ReviewedWhileCustomerWorks";
    public static final String REMINDER_DUE = "ReminderDue";
    public static final String REMIND_CUSTOMER = "RemindCustomer";
    /** Where a request waits while every item is answered or accepted and some wait for review. */
    public static final String AWAIT_REVIEW = "AwaitReview";
    public static final String ALL_ACCEPTED = "AllItemsAccepted";
    public static final String COMPLETE_REQUEST = "CompleteRequest";
    public static final String END_COMPLETED = "RequestCompleted";
    public static final String CANCEL_REQUESTED = "CancelRequested";
    public static final String END_CANCELLED = "RequestCancelled";

    /**
     * Message names. Correlate them with {@code createMessageCorrelation(name).processInstanceBusinessKey(requestId)
     * .correlateAllWithResult()}: it returns an empty list, rather than failing, when nothing waits any more.
     */
    public static final String MSG_ANSWERS_SUBMITTED = "AnswersSubmitted";
    public static final String MSG_ITEMS_REVIEWED = "ItemsReviewed";
    public static final String MSG_CANCELLED = "RequestCancelled";

    public static final String VAR_REQUEST_ID = "requestId";
    /** Set by CheckProgress: customer, team or nobody (see WaitingOn). */
    public static final String VAR_WAITING_ON = "waitingOn";
    /**
     * ISO-8601 duration of quiet on the customer's side after which they are reminded (and again after each further
     * such period). The model sets its default (P3D) unless the instance is started with a value of its own.
     */
    public static final String VAR_REMIND_EVERY = "remindEvery";

    public static final String WAITING_CUSTOMER = "customer";
    public static final String WAITING_TEAM = "team";
    public static final String WAITING_NOBODY = "nobody";

    /** Bean names of the delegates the model's service tasks call. */
    public static final String CHECK_DELEGATE = "checkRequestProgress";
    public static final String REMIND_DELEGATE = "remindCustomer";
    public static final String COMPLETE_DELEGATE = "completeRequest";

    private InformationRequestProcess() {
    }
}
