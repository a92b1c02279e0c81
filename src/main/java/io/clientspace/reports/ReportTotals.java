package io.clientspace.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals row under a table: counts and hours add up; money adds up per currency (never across currencies);
 * medians, averages, dates and text have no total. A billable ratio is worked out from the totals of the booked
 * and billable hours beside it, not added up.
 *
 * @param values one entry per column: a {@link Long} for counts, a {@link BigDecimal} for hours and ratios, a
 *               {@code Map<String, BigDecimal>} (currency to sum, sorted by currency) for money, null where nothing
 *               adds up
 */
public record ReportTotals(List<Object> values) {

    /** @return the totals of {@code table}, or empty when no column adds up or there are fewer than two rows */
    public static java.util.Optional<ReportTotals> of(ReportTable table) {
        List<Column> columns = table.columns();
        if (table.rows().size() < 2 || table.truncated()) {
            return java.util.Optional.empty();
        }
        List<Object> totals = new ArrayList<>(Collections.nCopies(columns.size(), null));
        boolean any = false;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            switch (column.type()) {
                case COUNT -> {
                    long sum = 0;
                    for (List<Object> row : table.rows()) {
                        sum += row.get(i) == null ? 0 : ((Number) row.get(i)).longValue();
                    }
                    totals.set(i, sum);
                    any = true;
                }
                case HOURS -> {
                    if (!summableHours(columns, column)) {
                        continue;
                    }
                    BigDecimal sum = BigDecimal.ZERO;
                    for (List<Object> row : table.rows()) {
                        sum = row.get(i) == null ? sum : sum.add((BigDecimal) row.get(i));
                    }
                    totals.set(i, sum);
                    any = true;
                }
                case MONEY -> {
                    Map<String, BigDecimal> sums = new TreeMap<>();
                    for (List<Object> row : table.rows()) {
                        if (row.get(i) != null) {
                            sums.merge(String.valueOf(row.get(column.currencyColumn())), (BigDecimal) row.get(i),
                                    BigDecimal::add);
                        }
                    }
                    totals.set(i, sums);
                    any = true;
                }
                default -> {
                }
            }
        }
        int booked = index(columns, "booked");
        int billable = index(columns, "billable");
        int ratio = index(columns, "ratio");
        if (ratio >= 0 && booked >= 0 && billable >= 0) {
            BigDecimal all = (BigDecimal) totals.get(booked);
            totals.set(ratio, all.signum() == 0 ? null : ((BigDecimal) totals.get(billable))
                    .divide(all, 4, java.math.RoundingMode.HALF_UP));
        }
        return any ? java.util.Optional.of(new ReportTotals(totals)) : java.util.Optional.empty();
    }

    /** Booked and billable hours add up; a median of hours (to a first response, to approval) does not. */
    private static boolean summableHours(List<Column> columns, Column column) {
        return switch (column.key()) {
            case "booked", "billable" -> true;
            // the time entries behind a bar, beside their billable flag
            case "hours" -> columns.stream().anyMatch(c -> c.type() == ColumnType.FLAG && c.key().equals("billable"));
            default -> false;
        };
    }

    private static int index(List<Column> columns, String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
