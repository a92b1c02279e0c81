package io.clientspace.task;

import io.clientspace.shared.FirstRows;
import java.util.List;

/**
 * The start of one view of "My tasks": the view, the search text it was read with, how many tasks it lists
 * ({@code length}) and its first rows. Whatever lies past {@code rows} is fetched a
 * page at a time ({@link WorkTaskService#inboxPage}).
 */
public record InboxList(Inbox inbox, String text, long length, List<WorkTask> rows) {

    public InboxList {
        rows = List.copyOf(rows);
    }

    /** The list's length and the rows held, for a grid that fetches the rest. */
    public FirstRows<WorkTask> firstRows() {
        return new FirstRows<>(length, rows);
    }
}
