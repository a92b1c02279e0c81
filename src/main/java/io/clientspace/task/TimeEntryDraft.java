package io.clientspace.task;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Hours someone booked on a task.
 *
 * @param hours    decimal hours, for example 1.5; more than 0, at most 24, at most two decimals
 * @param workDate the day the work was done; not in the future
 * @param note     optional, at most 500 characters
 */
public record TimeEntryDraft(BigDecimal hours, LocalDate workDate, boolean billable, String note) {
}
