package io.clientspace.reports;

import java.util.List;

/** Where an export's rows go, one at a time: {@link #start} once before the first row, {@link #finish} after the last. */
public interface RowSink {

    void start(List<Column> columns);

    /** @param values the row's raw values in column order (see {@link ReportTable}) */
    void row(List<Object> values);

    void finish();
}
