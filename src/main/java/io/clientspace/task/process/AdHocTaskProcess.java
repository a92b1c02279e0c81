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

    /** Bean name of the listener that keeps the work_task row in step with the engine's task. */
    public static final String LISTENER = "workTaskListener";

    private AdHocTaskProcess() {
    }
}
