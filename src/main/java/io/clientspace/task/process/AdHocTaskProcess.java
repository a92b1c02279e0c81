package io.clientspace.task.process;

/**
 * Everything in processes/ad-hoc-task.bpmn that the code relies on. ProcessModelContractTests fails the build when
 * a process owner's edit removes one of these.
 */
public final class AdHocTaskProcess {

    public static final String PROCESS_ID = "ad-hoc-task";
    public static final String RESOURCE = "processes/ad-hoc-task.bpmn";

    public static final String TASK = "DoTask";

    public static final String VAR_WORK_TASK_ID = "workTaskId";
    public static final String VAR_ASSIGNEE = "assignee";
    public static final String VAR_DUE = "due";
    public static final String VAR_PRIORITY = "priority";

    /**
     * Someone cancelled the task: an interrupting message boundary event on {@link #TASK} leads to
     * {@link #END_CANCELLED}. Only WorkTaskService correlates it, by the task's id, with {@link #VAR_CANCEL_REASON}.
     */
    public static final String MSG_CANCELLED = "TaskCancelled";
    public static final String CANCELLED_EVENT = "TaskCancelledEvent";
    public static final String END_CANCELLED = "TaskCancelledEnd";
    public static final String VAR_CANCEL_REASON = "cancelReason";

    /** Bean name of the listener that keeps the work_task row in step with the engine's task. */
    public static final String LISTENER = "workTaskListener";

    private AdHocTaskProcess() {
    }
}
