package io.clientspace.task;

import java.time.LocalDate;
import java.util.UUID;

/** Booked time on a task. {@code note} may be null. */
public record TimeEntry(UUID id, UUID taskId, String staff, String staffName, LocalDate workDate, int minutes,
                        boolean billable, String note) {
}
