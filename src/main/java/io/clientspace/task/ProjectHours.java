package io.clientspace.task;

/** Time booked on a project's tasks, in minutes: all of it, and the part that is billable. No rates or amounts. */
public record ProjectHours(long totalMinutes, long billableMinutes) {
}
