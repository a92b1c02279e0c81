package io.clientspace.shared;

import java.util.List;

/**
 * The start of a list that is paged in the database: how many rows the whole list has ({@code length}) and its first
 * rows, read together when a view opens. Whatever lies past them is fetched a page at a time.
 */
public record FirstRows<T>(long length, List<T> rows) {

    public FirstRows {
        rows = List.copyOf(rows);
    }

    /**
     * Rows {@code offset} to {@code offset + limit} when these first rows hold all of them, or null when they must be
     * fetched.
     */
    public List<T> rowsIfHeld(int offset, int limit) {
        boolean whole = rows.size() >= length;
        if (offset + limit <= rows.size() || whole && offset <= rows.size()) {
            return rows.subList(Math.min(offset, rows.size()), Math.min(offset + limit, rows.size()));
        }
        return null;
    }
}
