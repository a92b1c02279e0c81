package io.clientspace.request.process;

/**
 * Everything in processes/client-request.bpmn and processes/client-request-triage.dmn that the code relies on. The
 * business key is the request's id. ClientRequestModelContractTests fails the build when a process owner's edit
 * removes one of these. Why the SLA timers read dates the service computes: docs/decisions/DD018.
 */
public final class ClientRequestProcess {

    public static final String PROCESS_ID = "client-request";
    public static final String RESOURCE = "processes/client-request.bpmn";

    /** The triage table; its file is client-request-triage.dmn. */
    public static final String DECISION_ID = "client-request-triage";
    public static final String DECISION_RESOURCE = "processes/client-request-triage.dmn";
    /** The triage's inputs, set by the service when it starts the process. */
    public static final String VAR_CATEGORY = "category";
    /** The client's tags, a list of strings. */
    public static final String VAR_CLIENT_TAGS = "clientTags";
    /** The subject in lower case, single spaces, a space at each end (see {@code TriageInputs}). */
    public static final String VAR_SUBJECT_WORDS = "subjectWords";
    /** Days from today until the "needed by" date; null when there is none. */
    public static final String VAR_NEEDED_IN_DAYS = "neededInDays";
    /** The id of the table input whose allowed values are the categories the portal offers. */
    public static final String CATEGORY_INPUT = "CategoryInput";
    /** The decision's outputs (one row, hit policy FIRST). */
    public static final String OUT_PRIORITY = "priority";
    public static final String OUT_HANDLING_GROUP = "handlingGroup";
    public static final String OUT_RESPONSE_TARGET = "responseTarget";
    public static final String OUT_RESOLUTION_TARGET = "resolutionTarget";
    public static final String OUT_RULE = "triageRule";
    /** Where the business rule task puts the decision's single result, a map of the outputs above. */
    public static final String VAR_TRIAGE = "triage";
    /** The rule every request falls through to when no other matches. */
    public static final String CATCH_ALL_RULE = "AnythingElse";

    public static final String START = "RequestRaised";
    public static final String TRIAGE = "TriageRequest";
    public static final String APPLY_TRIAGE = "ApplyTriage";
    public static final String HANDLE = "HandleRequest";
    public static final String TEAM_TURN = "TeamTurn";
    /** The group's queue: a user task with candidate group ${handlingGroup}. */
    public static final String TAKE_TASK = "TakeRequest";
    /** The assignee's task: assignee ${assignee}. */
    public static final String WORK_TASK = "WorkOnRequest";
    public static final String RESPONSE_TIMER = "ResponseSlaBreached";
    public static final String ESCALATE_RESPONSE = "EscalateResponse";
    public static final String RESOLUTION_TIMER = "ResolutionSlaBreached";
    public static final String ESCALATE_RESOLUTION = "EscalateResolution";
    public static final String AWAIT_ANSWER = "AwaitClientAnswer";
    /** The event-based gateway where a resolved request waits for the client. */
    public static final String AWAIT_CONFIRMATION = "AwaitConfirmation";
    public static final String CONFIRMED = "ClientConfirmed";
    public static final String REOPENED = "ClientReopened";
    public static final String CONFIRMATION_TIMER = "ConfirmationDue";
    public static final String AUTO_CLOSE = "AutoClose";
    public static final String CANCEL_REQUESTED = "CancelRequested";
    public static final String END_CLOSED = "RequestClosed";
    public static final String END_AUTO_CLOSED = "RequestAutoClosed";
    public static final String END_CANCELLED = "RequestCancelled";

    /**
     * Message names. The service correlates them after it has locked the request and recorded the change:
     * {@code createMessageCorrelation(name).processInstanceBusinessKey(requestId).correlateAllWithResult()}.
     */
    public static final String MSG_ANSWERED = "ClientAnswered";
    public static final String MSG_CONFIRMED = "ClientConfirmed";
    public static final String MSG_REOPENED = "ClientReopened";
    public static final String MSG_CANCELLED = "ClientRequestCancelled";

    public static final String VAR_REQUEST_ID = "requestId";
    /** The staff realm role whose members see the request in their queue; set by ApplyTriage. */
    public static final String VAR_HANDLING_GROUP = "handlingGroup";
    /** Who works on it; set when the take task completes, and on hand-on. */
    public static final String VAR_ASSIGNEE = "assignee";
    /** What the assignee did, set when the work task completes: one of the ACTION_ values. */
    public static final String VAR_ACTION = "action";
    public static final String ACTION_ASK = "ask";
    public static final String ACTION_HAND_ON = "handOn";
    public static final String ACTION_RESOLVE = "resolve";
    /** When the response and resolution targets pass (java.util.Date), the SLA timers' dates. */
    public static final String VAR_RESPONSE_DUE_AT = "responseDueAt";
    public static final String VAR_RESOLUTION_DUE_AT = "resolutionDueAt";
    /**
     * ISO-8601 duration a resolved request waits for the client's confirmation before it closes by itself. The model
     * sets its default (P5D) unless the instance is started with a value of its own.
     */
    public static final String VAR_CONFIRM_WITHIN = "confirmWithin";
    public static final String DEFAULT_CONFIRM_WITHIN = "P5D";

    /** Bean names of the delegates the model's service tasks call. */
    public static final String APPLY_TRIAGE_DELEGATE = "applyClientRequestTriage";
    public static final String ESCALATE_DELEGATE = "escalateClientRequest";
    public static final String AUTO_CLOSE_DELEGATE = "autoCloseClientRequest";
    /** On {@link #WORK_TASK} (create, assignment, complete, delete): mirrors it into "My tasks" (DD031). */
    public static final String TASK_LISTENER = "clientRequestTaskListener";

    private ClientRequestProcess() {
    }
}
