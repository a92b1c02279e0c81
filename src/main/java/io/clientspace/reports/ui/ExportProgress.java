package io.clientspace.reports.ui;

import io.clientspace.reports.Column;
import io.clientspace.reports.RowSink;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Counts an export's rows on their way to the file and tells the screen how far it got, once the export has taken
 * longer than {@link #QUIET}: a quick export shows nothing, a long one a notification that counts up until the file
 * is ready. It runs on the download's request thread; {@link Listener} is where the view hops onto its UI (with push,
 * so the screen stays usable meanwhile). The time comes from {@code nanoTime}, so a test can drive it.
 * <p>
 * An export that writes its file itself (the auditors' activity CSV, a client's ZIP) is counted in bytes instead:
 * {@link #ofBytes} and {@link #counting}; the same rule decides when the screen hears of it.
 */
final class ExportProgress implements RowSink {

    /** How long an export may run before it says so. */
    static final Duration QUIET = Duration.ofSeconds(1);
    /** How often the count is sent to the browser at the most. */
    static final Duration EVERY = Duration.ofMillis(250);

    /** What the screen does: show or update the count, and close it when the file is ready (or failed). */
    interface Listener {

        /** @param count rows, or bytes for an export counted with {@link #counting} */
        void progress(long count);

        void done();
    }

    private final RowSink target;
    private final Listener listener;
    private final LongSupplier nanoTime;
    private final long startedAt;
    private long count;
    private long shownAt = Long.MIN_VALUE;
    private boolean shown;

    /** Counts the rows on their way to {@code target}. */
    ExportProgress(RowSink target, Listener listener, LongSupplier nanoTime) {
        this.target = target;
        this.listener = listener;
        this.nanoTime = nanoTime;
        this.startedAt = nanoTime.getAsLong();
    }

    /** For an export that writes its own bytes: wrap its stream with {@link #counting}. */
    static ExportProgress ofBytes(Listener listener, LongSupplier nanoTime) {
        return new ExportProgress(null, listener, nanoTime);
    }

    /** {@code out}, counting the bytes written through it; closing it closes {@code out}, not the notification. */
    OutputStream counting(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                advance(1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                advance(len);
            }
        };
    }

    @Override
    public void start(List<Column> columns) {
        target.start(columns);
    }

    @Override
    public void row(List<Object> values) {
        target.row(values);
        advance(1);
    }

    private void advance(long more) {
        count += more;
        long now = nanoTime.getAsLong();
        if (now - startedAt >= QUIET.toNanos() && (!shown || now - shownAt >= EVERY.toNanos())) {
            shown = true;
            shownAt = now;
            listener.progress(count);
        }
    }

    @Override
    public void finish() {
        try {
            target.finish();
        } finally {
            close();
        }
    }

    /** Closes the notification, if one is showing; safe to call more than once (the download calls it at the end). */
    void close() {
        if (shown) {
            shown = false;
            listener.done();
        }
    }

    long count() {
        return count;
    }
}
