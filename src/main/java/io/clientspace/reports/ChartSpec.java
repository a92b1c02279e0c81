package io.clientspace.reports;

import java.util.List;

/**
 * How a report's table becomes a bar chart: one bar group per distinct value of {@code categoryKey} (labelled with
 * the {@code category} column); the bars in a group are either one per distinct value of {@code seriesColumn}
 * (summing {@code values.get(0)}), or, when {@code seriesColumn} is -1, one per column in {@code values}. Rows with
 * the same category and series add up. A click on a bar is drilled with the category's key and the series' value
 * (or the index of its column in {@code values}).
 */
public record ChartSpec(int category, int categoryKey, int seriesColumn, List<Integer> values) {

    public static ChartSpec bySeriesColumn(int category, int seriesColumn, int value) {
        return new ChartSpec(category, category, seriesColumn, List.of(value));
    }

    public static ChartSpec byColumns(int category, Integer... values) {
        return new ChartSpec(category, category, -1, List.of(values));
    }

    public static ChartSpec byColumnsKeyed(int category, int categoryKey, Integer... values) {
        return new ChartSpec(category, categoryKey, -1, List.of(values));
    }

    public boolean hasSeriesColumn() {
        return seriesColumn >= 0;
    }
}
