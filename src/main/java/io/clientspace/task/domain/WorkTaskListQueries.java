package io.clientspace.task.domain;

import io.clientspace.task.TaskFilter;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The Tasks tab's list, paged in the database: the tasks a filter picks out of a client's (or, with
 * {@code projectScope}, a project's), open ones soonest due first, finished ones latest first. Implemented by
 * {@link WorkTaskListQueriesImpl}, a fragment of {@link WorkTaskRepository}.
 */
public interface WorkTaskListQueries {

    /** Rows {@code offset} to {@code offset + limit} of the list; {@code today} decides what is overdue. */
    List<WorkTaskEntity> listPage(UUID clientId, UUID projectScope, TaskFilter filter, LocalDate today, int offset,
                                  int limit);

    /** How many rows the list has, and the sum of their versions: {count, versions}. One query. */
    long[] listSize(UUID clientId, UUID projectScope, TaskFilter filter, LocalDate today);

    /**
     * Rows {@code offset} to {@code offset + limit} of a "My tasks" view, soonest due first: {@code query} says whose
     * tasks, due when, where the user may look and what the search text is.
     */
    List<WorkTaskEntity> inboxPage(InboxQuery query, int offset, int limit);

    /** How many rows the "My tasks" view has. */
    long inboxCount(InboxQuery query);
}
