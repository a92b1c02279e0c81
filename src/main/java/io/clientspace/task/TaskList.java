package io.clientspace.task;

import io.clientspace.shared.FirstRows;
import java.util.List;

/**
 * The start of a workspace's task list: the filter, how many tasks it lists ({@code length}), the sum of their stored
 * versions (any change to one of them raises it, so an equal list start means nothing on the list changed) and its
 * first rows. Whatever lies past {@code rows} is fetched a page at a time ({@link WorkTaskService#page}).
 */
public record TaskList(TaskFilter filter, long length, long versions, List<WorkTask> rows) {

    public TaskList {
        rows = List.copyOf(rows);
    }

    /** The list's length and the rows held, for a grid that fetches the rest. */
    public FirstRows<WorkTask> firstRows() {
        return new FirstRows<>(length, rows);
    }
}
