package io.clientspace.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.reports.Column;
import io.clientspace.reports.ColumnType;
import io.clientspace.reports.RowSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The export's progress notification: silent for an export that is done within a second, shown with a row count
 * that climbs while a slow one runs, and closed when the file is ready or the export fails. The time is a counter
 * the test moves on: each row of the "slow" sink takes 10 ms of it. A file the export writes itself (the activity CSV,
 * a client's ZIP) is counted in bytes by the same rule.
 */
class ExportProgressTests {

    static final long MS = 1_000_000;
    static final List<Column> COLUMNS = List.of(Column.of("hours", ColumnType.HOURS));

    /** What the screen was told, in order: "progress n" and "done". */
    final List<String> screen = new ArrayList<>();
    final ExportProgress.Listener listener = new ExportProgress.Listener() {
        @Override
        public void progress(long rows) {
            screen.add("progress " + rows);
        }

        @Override
        public void done() {
            screen.add("done");
        }
    };
    long now;

    @Test
    void aQuickExportShowsNothing() {
        Sink sink = new Sink(0);
        ExportProgress progress = new ExportProgress(sink, listener, () -> now);

        write(progress, 10_000, 50_000); // 10,000 rows in 0.5 s
        progress.close();

        assertThat(sink.rows).isEqualTo(10_000);
        assertThat(sink.finished).isTrue();
        assertThat(screen).isEmpty();
    }

    @Test
    void aSlowExportCountsItsRowsAfterASecondUntilTheFileIsReady() {
        Sink sink = new Sink(0);
        ExportProgress progress = new ExportProgress(sink, listener, () -> now);

        write(progress, 300, 10 * MS); // 10 ms a row: 3 s

        // first at 1 s (row 100), then at most every 250 ms (25 rows), closed once the file is written
        assertThat(screen).startsWith("progress 100", "progress 125", "progress 150").endsWith("progress 300", "done");
        assertThat(screen).hasSize(1 + (300 - 100) / 25 + 1);
        assertThat(sink.finished).isTrue();
        progress.close();
        assertThat(screen).as("closed once").filteredOn("done"::equals).hasSize(1);
    }

    @Test
    void aFailedExportClosesItsNotificationToo() {
        Sink sink = new Sink(150);
        ExportProgress progress = new ExportProgress(sink, listener, () -> now);

        assertThatThrownBy(() -> write(progress, 300, 10 * MS)).isInstanceOf(IllegalStateException.class);
        progress.close(); // what the download does in its finally

        assertThat(screen).startsWith("progress 100").endsWith("done");
    }

    @Test
    void aSlowFileCountsItsBytesAfterASecondUntilTheDownloadEnds() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ExportProgress progress = ExportProgress.ofBytes(listener, () -> now);

        try (OutputStream out = progress.counting(file)) {
            for (int i = 0; i < 300; i++) { // 1,000 bytes each 10 ms: 3 s
                now += 10 * MS;
                out.write(new byte[1_000], 0, 1_000);
            }
        }
        assertThat(screen).as("still open while the download finishes").doesNotContain("done");
        progress.close(); // what the download does in its finally

        assertThat(file.size()).isEqualTo(300_000);
        assertThat(screen).startsWith("progress 100000", "progress 125000").endsWith("progress 300000", "done");
        assertThat(screen).hasSize(1 + (300 - 100) / 25 + 1);
    }

    @Test
    void aQuickFileShowsNothingAndEveryByteCounts() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ExportProgress progress = ExportProgress.ofBytes(listener, () -> now);

        try (OutputStream out = progress.counting(file)) {
            for (int i = 0; i < 10_000; i++) { // one byte at a time, 0.5 s in all
                now += 50_000;
                out.write(i);
            }
        }
        progress.close();

        assertThat(file.size()).isEqualTo(10_000);
        assertThat(progress.count()).isEqualTo(10_000);
        assertThat(screen).isEmpty();
    }

    private void write(ExportProgress progress, int rows, long nanosPerRow) {
        progress.start(COLUMNS);
        for (int i = 0; i < rows; i++) {
            now += nanosPerRow;
            progress.row(List.of(i));
        }
        progress.finish();
    }

    /** A sink that fails at row {@code failAt} (0: never). */
    static final class Sink implements RowSink {
        final int failAt;
        int rows;
        boolean finished;

        Sink(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public void start(List<Column> columns) {
        }

        @Override
        public void row(List<Object> values) {
            if (++rows == failAt) {
                throw new IllegalStateException("disk full");
            }
        }

        @Override
        public void finish() {
            finished = true;
        }
    }
}
