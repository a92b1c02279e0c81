package io.clientspace.deal;

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

    /** Rows {@code offset} to {@code offset + limit} when {@code rows} holds all of them, or null to fetch them. */
    public List<Deal> rowsIfHeld(int offset, int limit) {
        return new io.clientspace.shared.FirstRows<>(length, rows).rowsIfHeld(offset, limit);
    }
}
