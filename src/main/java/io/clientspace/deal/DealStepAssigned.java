package io.clientspace.deal;

/** A deal stage's user task got a new assignee ({@code assignee} null when it was unassigned). */
public record DealStepAssigned(String engineTaskId, String assignee) {
}
