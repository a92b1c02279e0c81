package io.clientspace.task;

/** Which of a workspace's tasks a list shows. */
public enum TaskFilter {
    /** Open tasks, soonest due first. */
    OPEN,
    /** Open tasks whose due date has passed. */
    OVERDUE,
    /** Open tasks nobody has taken. */
    UNASSIGNED,
    /** Finished tasks, done or cancelled, latest first. */
    DONE
}
