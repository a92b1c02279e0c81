package io.clientspace.reports.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.text.NumberFormat;

/**
 * "Preparing the export… 12,000 rows" (or "… 3.4 MB" for a file counted in bytes) while a long export runs; the
 * download's thread pushes each count (the app uses push), so the screen stays usable, and closes it when the file
 * is ready. Every export screen uses this one: the reports, the auditors' activity export, a client's ZIP.
 */
final class ExportProgressNotification implements ExportProgress.Listener {

    /** What the count is. */
    enum Unit {
        ROWS, BYTES
    }

    private final UI ui;
    private final Unit unit;
    private Notification notification;
    private Span text;

    ExportProgressNotification(UI ui, Unit unit) {
        this.ui = ui;
        this.unit = unit;
    }

    @Override
    public void progress(long count) {
        ui.access(() -> {
            if (notification == null) {
                text = new Span();
                text.setId("report-export-progress-text");
                ProgressBar bar = new ProgressBar();
                bar.setIndeterminate(true);
                bar.setWidth("8em");
                notification = new Notification(bar, text);
                notification.setId("report-export-progress");
                notification.setPosition(Notification.Position.BOTTOM_START);
                notification.setDuration(0);
                notification.open();
            }
            text.setText(text(ui, unit, count));
        });
    }

    @Override
    public void done() {
        ui.access(() -> {
            if (notification != null) {
                notification.close();
                notification = null;
            }
        });
    }

    /** The notification's text for the count, in the UI's language. */
    static String text(UI ui, Unit unit, long count) {
        if (unit == Unit.ROWS) {
            return ui.getTranslation("reports.export.progress",
                    NumberFormat.getIntegerInstance(ui.getLocale()).format(count));
        }
        NumberFormat megabytes = NumberFormat.getNumberInstance(ui.getLocale());
        megabytes.setMinimumFractionDigits(1);
        megabytes.setMaximumFractionDigits(1);
        return ui.getTranslation("reports.export.progress.bytes", megabytes.format(count / 1_000_000.0));
    }
}
