package io.clientspace.deal;

import io.clientspace.shared.FirstRows;
import java.util.List;

/**
 * The start of a deal list: the workspace's deals counted, the filter, how many deals it lists ({@code length}) and
 * its first rows, newest first. Whatever lies past {@code rows} is fetched a page at a time
 * ({@link DealService#page}).
 */
public record DealList(DealCounts counts, DealFilter filter, long length, List<Deal> rows) {

    public DealList {
        rows = List.copyOf(rows);
    }

    /** The list's length and the rows held, for a grid that fetches the rest. */
    public FirstRows<Deal> firstRows() {
        return new FirstRows<>(length, rows);
    }
}
