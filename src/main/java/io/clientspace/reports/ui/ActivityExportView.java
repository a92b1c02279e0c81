package io.clientspace.reports.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import io.clientspace.reports.ActivityExportService;
import io.clientspace.reports.ActivityExportService.ActivityExport;
import io.clientspace.reports.EmptyReportException;
import io.clientspace.reports.ReportFilter;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.DatePickers;
import io.clientspace.shared.ui.FormErrors;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The activity export for auditors (admins): pick a range, download the CSV, and read the file's SHA-256, which is
 * recorded with who made it and when; the recent exports are listed below with theirs. A year of a busy firm's
 * activity takes a while: past a second the file's progress shows ({@link ExportProgress}).
 */
@Menu(title = "nav.activity-export", order = 61, icon = "vaadin:file-text-o")
@Route(value = ActivityExportView.ROUTE, layout = MainLayout.class)
@RolesAllowed(Roles.ADMIN)
class ActivityExportView extends VerticalLayout implements Titled {

    static final String ROUTE = "reports/activity";

    private final ActivityExportService exports;
    private final StaffDirectory staff;
    private final Clock clock;
    private final Locale locale;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final FormErrors errors = new FormErrors(this);
    private final HorizontalLayout download = new HorizontalLayout();
    private final Paragraph done = new Paragraph();
    private final Grid<ActivityExport> recent = new Grid<>();

    ActivityExportView(ActivityExportService exports, StaffDirectory staff, Clock clock) {
        this.exports = exports;
        this.staff = staff;
        this.clock = clock;
        this.locale = getLocale();
        setWidthFull();
        Paragraph intro = new Paragraph(getTranslation("activity-export.intro"));
        intro.addClassName("muted");
        LocalDate today = LocalDate.now(clock);
        DatePickers.localized(from, locale).setId("activity-from");
        DatePickers.localized(to, locale).setId("activity-to");
        from.setLabel(getTranslation("reports.from"));
        to.setLabel(getTranslation("reports.to"));
        from.setValue(today.minusMonths(1));
        to.setValue(today);
        errors.field("from", from).field("to", to);
        download.setId("activity-download");
        download.setAlignItems(FlexComponent.Alignment.CENTER);
        done.setId("activity-export-done");
        done.setVisible(false);
        HorizontalLayout frame = new HorizontalLayout(from, to, download);
        frame.setAlignItems(FlexComponent.Alignment.BASELINE);

        recent.setId("activity-exports");
        recent.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        recent.setAllRowsVisible(true);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(clock.getZone());
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        recent.addColumn(e -> when.format(e.exportedAt())).setHeader(getTranslation("activity-export.col.when"))
                .setAutoWidth(true);
        recent.addColumn(e -> staff.displayName(e.exportedBy())).setHeader(getTranslation("activity-export.col.by"))
                .setAutoWidth(true);
        recent.addColumn(e -> day.format(e.from()) + " – " + day.format(e.to()))
                .setHeader(getTranslation("activity-export.col.range")).setAutoWidth(true);
        recent.addColumn(e -> NumberFormat.getIntegerInstance(locale).format(e.rows()))
                .setHeader(getTranslation("activity-export.col.rows")).setAutoWidth(true);
        recent.addColumn(ActivityExport::sha256).setHeader("SHA-256").setAutoWidth(true);

        add(intro, frame, done, new H3(getTranslation("activity-export.recent")), recent);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        refresh();
        recent.setItems(exports.recent(20));
    }

    @Override
    public String titleKey() {
        return "activity-export.title";
    }

    private void refresh() {
        download.removeAll();
        try {
            ReportFilter.between(from.getValue(), to.getValue()).check();
            errors.clear();
        } catch (InvalidInputException e) {
            errors.show(e.problems());
            if (e.problems().stream().map(FieldProblem::messageKey).anyMatch("reports.error.too-long"::equals)) {
                download.add(new Paragraph(getTranslation("reports.narrow", ReportFilter.MAX_YEARS)));
            }
            return;
        }
        LocalDate f = from.getValue();
        LocalDate t = to.getValue();
        UI ui = UI.getCurrent();
        String empty = getTranslation("activity-export.empty");
        Anchor link = new Anchor((DownloadEvent event) -> {
            if (exports.count(f, t) == 0) {
                event.getResponse().setStatus(404);
                ui.access(() -> Notification.show(empty));
                return;
            }
            event.setFileName("clientspace-activity-" + f + "-" + t + ".csv");
            event.setContentType(ActivityExportService.CONTENT_TYPE);
            ExportProgress progress = ExportProgress.ofBytes(new ExportProgressNotification(ui,
                    ExportProgressNotification.Unit.BYTES), System::nanoTime);
            try (OutputStream out = progress.counting(event.getOutputStream())) {
                ActivityExport export = exports.export(f, t, out);
                ui.access(() -> shown(export));
            } catch (EmptyReportException e) {
                ui.access(() -> Notification.show(empty));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                progress.close();
            }
        }, getTranslation("activity-export.download"));
        link.setId("activity-export-csv");
        link.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        download.add(link);
    }

    private void shown(ActivityExport export) {
        done.setText(getTranslation("activity-export.done", NumberFormat.getIntegerInstance(locale)
                .format(export.rows()), export.sha256()));
        done.setVisible(true);
        Notification.show(done.getText(), 8000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        recent.setItems(exports.recent(20));
    }
}
