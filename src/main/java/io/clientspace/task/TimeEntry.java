package io.clientspace.task;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Booked time on a task. {@code note} may be null. {@code changeable} says whether the current user may edit or
 * delete it (their own, booked for the current month; managers and admins any); {@code version} is what an edit
 * sends back.
 */
public record TimeEntry(UUID id, UUID taskId, String staff, String staffName, LocalDate workDate, int minutes,
                        boolean billable, String note, boolean changeable, long version) {
}
