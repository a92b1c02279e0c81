package io.clientspace.reports;

import java.util.List;

/**
 * A report's table as the screen shows it: columns and rows (each row's values in column order, raw: enum names,
 * usernames, dates, numbers; the screen and the exports format them). Aggregates are small; lists behind a bar are
 * cut at {@link ReportService#LIST_LIMIT} rows and say so with {@code truncated}.
 */
public record ReportTable(List<Column> columns, List<List<Object>> rows, boolean truncated) {

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
