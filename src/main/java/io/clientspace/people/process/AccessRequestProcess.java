package io.clientspace.people.process;

/**
 * Everything in processes/workspace-access-request.bpmn that the code relies on. ProcessModelContractTests fails the
 * build when a process owner's edit removes one of these.
 */
public final class AccessRequestProcess {

    public static final String PROCESS_ID = "workspace-access-request";
    public static final String RESOURCE = "processes/workspace-access-request.bpmn";

    public static final String START = "AccessRequested";
    /** The owner (or whoever manages the client's members) grants or declines; shown in "My tasks". */
    public static final String DECIDE_TASK = "DecideAccessRequest";
    public static final String END = "AccessRequestAnswered";

    public static final String VAR_REQUEST_ID = "accessRequestId";
    public static final String VAR_CLIENT_ID = "clientId";
    /** The colleague who asked, by username. */
    public static final String VAR_REQUESTER = "requester";
    /** Who gets the task: the client's owner. */
    public static final String VAR_DECIDER = "decider";
    /** Set on completion: the level granted, or NONE when declined. */
    public static final String VAR_ANSWER = "answer";

    /** Bean name of the listener that mirrors the task into "My tasks". */
    public static final String TASK_LISTENER = "accessRequestTaskListener";

    private AccessRequestProcess() {
    }
}
