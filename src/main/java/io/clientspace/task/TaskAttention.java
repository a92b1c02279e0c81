package io.clientspace.task;

/** Open tasks on a client that need someone: overdue, or without an assignee. */
public record TaskAttention(long overdue, long unassigned) {

    public static final TaskAttention NONE = new TaskAttention(0, 0);

    public long total() {
        return overdue + unassigned;
    }
}
