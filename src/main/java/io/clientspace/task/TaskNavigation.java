package io.clientspace.task;

/** Where tasks are in the UI: the staff member's own list, and the tab on every workspace. */
public final class TaskNavigation {

    /** The Tasks tab's id on the client and project workspaces ({@code ?tab=tasks}). */
    public static final String TAB = "tasks";

    /** "My tasks". */
    public static final String MY_TASKS = "tasks";

    private TaskNavigation() {
    }
}
