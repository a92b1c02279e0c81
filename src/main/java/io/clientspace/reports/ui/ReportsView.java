package io.clientspace.reports.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.clientspace.deal.DealStages;
import io.clientspace.reports.ChartSpec;
import io.clientspace.reports.Column;
import io.clientspace.reports.ColumnType;
import io.clientspace.reports.EmptyReportException;
import io.clientspace.reports.ReportFilter;
import io.clientspace.reports.ReportKind;
import io.clientspace.reports.ReportOptions;
import io.clientspace.reports.ReportService;
import io.clientspace.reports.ReportTable;
import io.clientspace.reports.ReportTotals;
import io.clientspace.reports.WeeklySummaryService;
import io.clientspace.reports.RowSink;
import io.clientspace.reports.export.CellText;
import io.clientspace.reports.export.CsvExport;
import io.clientspace.reports.export.XlsxExport;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.i18n.Translations;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.DatePickers;
import io.clientspace.shared.ui.EChart;
import io.clientspace.shared.ui.FormErrors;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Reports: pick one, set the range and the filters, and read the chart and the table behind it (its text
 * alternative). A click on a bar, or on a table row, opens the list behind it. Both exports write the table; the
 * list has its own, uncut. An export that runs over a second shows its progress ({@link ExportProgress}).
 * Members see the same reports over the clients they may open; the service enforces it.
 */
@Menu(title = "nav.reports", order = 60, icon = "vaadin:chart")
@Route(value = ReportsView.ROUTE, layout = MainLayout.class)
@RolesAllowed(Roles.STAFF)
class ReportsView extends VerticalLayout implements Titled {

    static final String ROUTE = "reports";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReportService reports;
    private final StaffDirectory staff;
    private final AsyncLoader loader;

    private final Select<ReportKind> kind = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<String> owner = new ComboBox<>();
    private final ComboBox<ReportOptions.Option> client = new ComboBox<>();
    private final ComboBox<String> tag = new ComboBox<>();
    private final ComboBox<ReportOptions.Option> project = new ComboBox<>();
    private final FormErrors errors = new FormErrors(this);
    private final Button narrow = new Button();
    private final Paragraph rangeHint = new Paragraph();
    private final Div result = new Div();
    private final Div drill = new Div();
    private final HorizontalLayout exports = new HorizontalLayout();
    private final Locale locale;
    private final DealStages stages;

    /** "New 10 %, Qualified 25 %, …" as the deployed model weighs its stages. */
    private String stageWeights() {
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        return stages.open().stream().map(s -> s.displayName(locale) + " " + percent.format(stages.winProbability(s)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The categories and series of the chart on screen, for turning a click into a drill-down. */
    private List<Object> chartKeys = List.of();
    private List<Object> chartSeries = List.of();
    private List<String> chartLabels = List.of();
    private int loadRound;

    ReportsView(ReportService reports, StaffDirectory staff, DealStages stages, AsyncLoader loader, Clock clock,
                WeeklySummaryService weekly) {
        this.reports = reports;
        this.stages = stages;
        this.staff = staff;
        this.loader = loader;
        this.locale = getLocale();
        addClassName("reports");
        setWidthFull();

        kind.setId("report-kind");
        kind.setLabel(getTranslation("reports.kind"));
        kind.setItems(ReportKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("reports.group." + k.group()) + " · "
                + getTranslation("reports.kind." + k));
        kind.setWidth("24em");
        kind.setValue(ReportKind.PIPELINE_STAGES);

        LocalDate today = LocalDate.now(clock);
        DatePickers.localized(from, locale).setId("report-from");
        DatePickers.localized(to, locale).setId("report-to");
        from.setLabel(getTranslation("reports.from"));
        to.setLabel(getTranslation("reports.to"));
        from.setValue(today.minusYears(1).withDayOfMonth(1));
        to.setValue(today.plusMonths(6).withDayOfMonth(1).minusDays(1));
        errors.field("from", from).field("to", to);

        narrow.setId("report-narrow");
        narrow.setText(getTranslation("reports.narrow", ReportFilter.MAX_YEARS));
        narrow.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        narrow.setVisible(false);
        narrow.addClickListener(e -> {
            if (to.getValue() != null) {
                from.setValue(to.getValue().minusYears(ReportFilter.MAX_YEARS));
            }
        });

        ReportOptions options = reports.options();
        owner.setId("report-owner");
        owner.setLabel(getTranslation("reports.owner"));
        owner.setItems(options.owners());
        owner.setItemLabelGenerator(staff::displayName);
        client.setId("report-client");
        client.setLabel(getTranslation("reports.client"));
        client.setItems(options.clients());
        client.setItemLabelGenerator(ReportOptions.Option::label);
        tag.setId("report-tag");
        tag.setLabel(getTranslation("reports.tag"));
        tag.setItems(options.tags());
        project.setId("report-project");
        project.setLabel(getTranslation("reports.project"));
        project.setItems(options.projects());
        project.setItemLabelGenerator(ReportOptions.Option::label);
        for (ComboBox<?> box : List.of(owner, client, tag, project)) {
            box.setClearButtonVisible(true);
            box.setPlaceholder(getTranslation("reports.any"));
        }

        FlexLayout frame = new FlexLayout(kind, from, to, owner, client, tag, project);
        frame.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        frame.addClassName("report-frame");
        frame.getStyle().set("gap", "var(--lumo-space-m)");
        rangeHint.addClassName("muted");
        rangeHint.setId("report-range-hint");
        exports.setId("report-exports");
        exports.setAlignItems(FlexComponent.Alignment.CENTER);
        result.setWidthFull();
        result.setId("report-result");
        drill.setWidthFull();
        drill.setId("report-drill");
        add(frame, narrow, rangeHint, exports, result, drill);
        if (weekly.mayCurrentUserSubscribe()) {
            Checkbox subscribe = new Checkbox(getTranslation("reports.weekly-summary"), weekly.isSubscribed());
            subscribe.setId("report-weekly-summary");
            subscribe.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    weekly.subscribe(e.getValue());
                    Notification.show(getTranslation(e.getValue() ? "reports.weekly-summary.on"
                            : "reports.weekly-summary.off"));
                }
            });
            addComponentAtIndex(1, subscribe);
        }

        kind.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        owner.addValueChangeListener(e -> refresh());
        client.addValueChangeListener(e -> refresh());
        tag.addValueChangeListener(e -> refresh());
        project.addValueChangeListener(e -> refresh());
        refresh();
    }

    @Override
    public String titleKey() {
        return "reports.title";
    }

    private ReportFilter filter() {
        return new ReportFilter(from.getValue(), to.getValue(), owner.getValue(),
                client.getValue() == null ? null : client.getValue().id(), tag.getValue(),
                project.getValue() == null ? null : project.getValue().id());
    }

    private void refresh() {
        ReportKind k = kind.getValue();
        project.setEnabled(k.projectFilter());
        project.setHelperText(k.projectFilter() ? null : getTranslation(switch (k.group()) {
            case PROPOSALS -> "reports.project-not-applicable.proposals";
            case PORTAL -> "reports.project-not-applicable.portal";
            default -> "reports.project-not-applicable";
        }));
        rangeHint.setText(k == ReportKind.FORECAST ? getTranslation(k.rangeKey(), stageWeights())
                : getTranslation(k.rangeKey()));
        drill.removeAll();
        exports.removeAll();
        result.removeAll();
        result.getElement().removeAttribute("data-report");
        narrow.setVisible(false);
        ReportFilter f = filter();
        try {
            f.check();
            errors.clear();
        } catch (InvalidInputException e) {
            errors.show(e.problems());
            narrow.setVisible(e.problems().stream().map(FieldProblem::messageKey)
                    .anyMatch("reports.error.too-long"::equals));
            return;
        }
        result.add(States.loading(getTranslation("reports.loading")));
        int round = ++loadRound;
        loader.load(this, () -> reports.run(k, f), table -> {
            if (round == loadRound) {
                show(k, f, table);
            }
        }, e -> {
            if (round == loadRound) {
                result.removeAll();
                result.add(States.error(getTranslation("reports.error.title"), getTranslation("reports.error.text"),
                        this::refresh, getTranslation("action.retry")));
            }
        });
    }

    private void show(ReportKind k, ReportFilter f, ReportTable table) {
        result.removeAll();
        // says which report the result is, so a reader (and a test) knows the new figures have arrived
        result.getElement().setAttribute("data-report", k.name());
        if (table.isEmpty()) {
            result.add(States.empty(VaadinIcon.CHART, getTranslation("reports.empty.title"),
                    getTranslation("reports.empty.text"), null));
            Span none = new Span(getTranslation("reports.export.empty"));
            none.setId("report-export-empty");
            none.addClassName("muted");
            exports.add(none);
            return;
        }
        exports.add(download(k, f, "csv"), download(k, f, "xlsx"));

        EChart chart = new EChart();
        chart.setId("report-chart");
        chart.setOption(chartOption(k.chart(), table));
        chart.getElement().setAttribute("aria-label", getTranslation("reports.chart.label",
                getTranslation("reports.kind." + k)));
        chart.addItemClickListener(e -> {
            if (e.dataIndex() >= 0 && e.dataIndex() < chartKeys.size()) {
                Object series = k.chart().hasSeriesColumn() ? chartSeries.get(e.seriesIndex()) : e.seriesIndex();
                openDrill(k, f, chartKeys.get(e.dataIndex()), series);
            }
        });

        Grid<List<Object>> grid = grid(table);
        grid.setId("report-table");
        grid.addItemClickListener(e -> {
            List<Object> row = e.getItem();
            ChartSpec spec = k.chart();
            Object series = spec.hasSeriesColumn() ? row.get(spec.seriesColumn()) : 0;
            openDrill(k, f, row.get(spec.categoryKey()), series);
        });
        H3 caption = new H3(getTranslation("reports.table.caption"));
        caption.addClassName("report-caption");
        Paragraph hint = new Paragraph(getTranslation("reports.drill.hint"));
        hint.addClassName("muted");
        result.add(chart, caption, hint, grid);
    }

    private void openDrill(ReportKind k, ReportFilter f, Object key, Object series) {
        drill.removeAll();
        ReportTable list = reports.drill(k, f, key, series);
        H3 title = new H3(getTranslation("reports.drill.title", categoryLabel(key),
                seriesLabel(k, series)));
        title.setId("report-drill-title");
        Button close = new Button(getTranslation("action.close"), e -> drill.removeAll());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout head = new HorizontalLayout(title, close);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        drill.add(head);
        if (list.isEmpty()) {
            drill.add(new Paragraph(getTranslation("reports.drill.none")));
        } else {
            Grid<List<Object>> grid = grid(list);
            grid.setId("report-drill-grid");
            drill.add(grid);
            if (list.truncated()) {
                drill.add(new Paragraph(getTranslation("reports.drill.truncated", ReportService.LIST_LIMIT)));
            }
            HorizontalLayout files = new HorizontalLayout(drillDownload(k, f, key, series, "csv"),
                    drillDownload(k, f, key, series, "xlsx"));
            files.setId("report-drill-exports");
            drill.add(files);
        }
        drill.getElement().callJsFunction("scrollIntoView");
    }

    private String categoryLabel(Object key) {
        for (int i = 0; i < chartKeys.size(); i++) {
            if (Objects.equals(chartKeys.get(i), key)) {
                return chartLabels.get(i);
            }
        }
        return String.valueOf(key);
    }

    private String seriesLabel(ReportKind k, Object series) {
        if (k.chart().hasSeriesColumn()) {
            return format(k.columns().get(k.chart().seriesColumn()), series, null);
        }
        int index = (Integer) series;
        return columnHeader(k.columns().get(k.chart().values().get(index)));
    }

    // ---------------------------------------------------------------------------------------------- the chart

    private String chartOption(ChartSpec spec, ReportTable table) {
        Map<Object, String> categories = new LinkedHashMap<>();
        Map<Object, Map<Object, BigDecimal>> sums = new LinkedHashMap<>();
        List<Object> seriesKeys = new ArrayList<>();
        List<String> seriesNames = new ArrayList<>();
        Column seriesColumn = spec.hasSeriesColumn() ? table.columns().get(spec.seriesColumn()) : null;
        if (!spec.hasSeriesColumn()) {
            for (int i = 0; i < spec.values().size(); i++) {
                seriesKeys.add(i);
                seriesNames.add(columnHeader(table.columns().get(spec.values().get(i))));
            }
        }
        for (List<Object> row : table.rows()) {
            Object key = row.get(spec.categoryKey());
            categories.putIfAbsent(key, format(table.columns().get(spec.category()), row.get(spec.category()), row));
            Map<Object, BigDecimal> bySeries = sums.computeIfAbsent(key, x -> new LinkedHashMap<>());
            if (spec.hasSeriesColumn()) {
                Object s = row.get(spec.seriesColumn());
                if (!seriesKeys.contains(s)) {
                    seriesKeys.add(s);
                    seriesNames.add(format(seriesColumn, s, row));
                }
                bySeries.merge(s, number(row.get(spec.values().get(0))), BigDecimal::add);
            } else {
                for (int i = 0; i < spec.values().size(); i++) {
                    bySeries.merge(i, number(row.get(spec.values().get(i))), BigDecimal::add);
                }
            }
        }
        chartKeys = new ArrayList<>(categories.keySet());
        chartLabels = new ArrayList<>(categories.values());
        chartSeries = seriesKeys;

        ObjectNode option = JSON.createObjectNode();
        ObjectNode xAxis = option.putObject("xAxis");
        xAxis.put("type", "category");
        ArrayNode labels = xAxis.putArray("data");
        chartLabels.forEach(labels::add);
        xAxis.putObject("axisLabel").put("interval", 0).put("rotate", chartLabels.size() > 6 ? 30 : 0);
        option.putObject("yAxis").put("type", "value");
        option.putObject("legend").put("top", 0);
        ArrayNode series = option.putArray("series");
        for (int s = 0; s < seriesKeys.size(); s++) {
            ObjectNode one = series.addObject();
            one.put("type", "bar");
            Tone tone = spec.hasSeriesColumn() ? tone(seriesColumn.key(), seriesKeys.get(s))
                    : tone(table.columns().get(spec.values().get(s)).key(), null);
            // the mark before the name and the pattern say it without colour (a legend, a print, a screen reader)
            one.put("name", tone.mark + seriesNames.get(s));
            one.putObject("label").put("show", true).put("position", "top");
            if (tone != Tone.NEUTRAL) {
                ObjectNode style = one.putObject("itemStyle");
                style.put("color", tone.color);
                ObjectNode decal = style.putObject("decal");
                decal.put("symbol", tone == Tone.BAD ? "rect" : "circle");
                decal.put("color", "rgba(255, 255, 255, 0.55)");
                if (tone == Tone.BAD) {
                    // diagonal stripes for what went wrong, dots for what went right
                    decal.putArray("dashArrayX").add(1).add(0);
                    decal.putArray("dashArrayY").add(3).add(5);
                    decal.put("rotation", -Math.PI / 4);
                } else {
                    decal.put("symbolSize", 0.6);
                }
            }
            ArrayNode data = one.putArray("data");
            for (Object key : chartKeys) {
                BigDecimal v = sums.get(key).get(seriesKeys.get(s));
                if (v == null) {
                    data.add(0);
                } else {
                    data.add(v);
                }
            }
        }
        option.putObject("aria").put("enabled", true).putObject("decal").put("show", true);
        return option.toString();
    }

    /** What a series means, so it gets Lumo's error or success colour and a mark; most series mean neither. */
    enum Tone {
        GOOD("--lumo-success-color", "✓ "), BAD("--lumo-error-color", "✗ "), NEUTRAL(null, "");

        final String color;
        final String mark;

        Tone(String color, String mark) {
            this.color = color;
            this.mark = mark;
        }
    }

    /** @param series the series column's value, or null when each series is a column of its own ({@code key}) */
    static Tone tone(String key, Object series) {
        if (series != null) {
            return switch (String.valueOf(series)) {
                case "WON", "ACCEPTED" -> Tone.GOOD;
                case "LOST", "DECLINED", "EXPIRED" -> Tone.BAD;
                default -> Tone.NEUTRAL;
            };
        }
        return switch (key) {
            case "sla-met", "accepted", "completed", "approved" -> Tone.GOOD;
            case "sla-breached", "expired", "declined", "overdue", "returned-items" -> Tone.BAD;
            default -> Tone.NEUTRAL;
        };
    }

    private static BigDecimal number(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) value).longValue());
    }

    // ---------------------------------------------------------------------------------------------- tables

    private Grid<List<Object>> grid(ReportTable table) {
        Grid<List<Object>> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.columns().get(i);
            if (column.type() == ColumnType.ID) {
                continue;
            }
            int at = i;
            var gridColumn = grid.addColumn(row -> format(column, row.get(at), row))
                    .setHeader(columnHeader(column)).setAutoWidth(true).setResizable(true);
            if (numeric(column.type())) {
                gridColumn.setTextAlign(ColumnTextAlign.END);
            }
        }
        grid.setItems(table.rows());
        ReportTotals.of(table).ifPresent(totals -> totalsRow(grid, table, totals));
        return grid;
    }

    /** A footer under the table with what adds up; money per currency, one line each. */
    private void totalsRow(Grid<List<Object>> grid, ReportTable table, ReportTotals totals) {
        var footer = grid.appendFooterRow();
        footer.getCell(grid.getColumns().get(0)).setText(getTranslation("reports.total"));
        int shown = 0;
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.columns().get(i);
            if (column.type() == ColumnType.ID) {
                continue;
            }
            Object total = totals.values().get(i);
            var gridColumn = grid.getColumns().get(shown++);
            if (total == null) {
                continue;
            }
            String text;
            if (total instanceof Map<?, ?> sums) {
                text = sums.entrySet().stream().map(e -> money(locale, (BigDecimal) e.getValue(), (String) e.getKey()))
                        .collect(java.util.stream.Collectors.joining(" · "));
            } else {
                text = format(column, total, null);
            }
            footer.getCell(gridColumn).setText(text);
        }

    }

    private static boolean numeric(ColumnType type) {
        return switch (type) {
            case COUNT, MONEY, HOURS, DAYS, RATIO -> true;
            default -> false;
        };
    }

    String columnHeader(Column column) {
        return getTranslation("reports.col." + column.key());
    }

    /** A value as the screen shows it, in the user's language; {@code row} gives money its currency. */
    String format(Column column, Object value, List<Object> row) {
        if (value == null) {
            return switch (column.type()) {
                case PERSON -> getTranslation("reports.value.unassigned");
                case TEXT -> switch (column.key()) {
                    case "group", "project" -> getTranslation("reports.value.no-project");
                    // a client request that triage has not placed yet
                    case "priority", "handling-group" -> getTranslation("reports.value.untriaged");
                    default -> "";
                };
                case RATIO -> "–";
                default -> "";
            };
        }
        return switch (column.type()) {
            case STAGE, OUTCOME -> stages.named((String) value).displayName(locale);
            case FEE_MODEL -> getTranslation("proposal.fee-models." + value);
            case PROPOSAL_STATUS -> getTranslation("proposal.statuses." + value);
            case PERSON -> staff.displayName((String) value);
            case MONTH -> DateTimeFormatter.ofPattern("LLL yyyy", locale).format((LocalDate) value);
            case DATE -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                    .format((LocalDate) value);
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(value);
            case MONEY -> money(locale, (BigDecimal) value,
                    row == null ? "" : (String) row.get(column.currencyColumn()));
            case HOURS -> decimals(2).format(value);
            case DAYS -> decimals(1).format(value);
            case RATIO -> NumberFormat.getPercentInstance(locale).format(value);
            case FLAG -> getTranslation(Boolean.TRUE.equals(value) ? "reports.value.yes" : "reports.value.no");
            // a handling group is a role's code in the triage table: shown by the name people know it by
            case TEXT -> "handling-group".equals(column.key()) ? Translations.find("reports.handling-group." + value,
                    locale).orElse(value.toString()) : value.toString();
            case CURRENCY, ID -> value.toString();
        };
    }

    private NumberFormat decimals(int digits) {
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMinimumFractionDigits(digits);
        nf.setMaximumFractionDigits(digits);
        return nf;
    }

    private static String money(Locale locale, BigDecimal amount, String currency) {
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMinimumFractionDigits(2);
        nf.setMaximumFractionDigits(2);
        return nf.format(amount) + " " + currency;
    }

    // ---------------------------------------------------------------------------------------------- exports

    private Component download(ReportKind k, ReportFilter f, String format) {
        String base = "clientspace-" + k.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + f.from() + "-"
                + f.to();
        List<String> headers = k.columns().stream().map(this::columnHeader).toList();
        return link(format, "report-export-", base, getTranslation("reports.kind." + k), headers,
                sink -> reports.export(k, f, sink), () -> reports.count(k, f) == 0);
    }

    /** The whole list behind a bar, uncut, as a file: the screen shows its first {@value ReportService#LIST_LIMIT}. */
    private Component drillDownload(ReportKind k, ReportFilter f, Object key, Object series, String format) {
        String base = "clientspace-" + k.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-list-" + f.from()
                + "-" + f.to();
        List<String> headers = k.drill().columns().stream().map(this::columnHeader).toList();
        return link(format, "report-drill-export-", base, getTranslation("reports.kind." + k), headers,
                sink -> reports.exportDrill(k, f, key, series, sink), () -> false);
    }

    private Component link(String format, String idPrefix, String base, String sheet, List<String> headers,
                           ToLongFunction<RowSink> export,
                           BooleanSupplier empty) {
        CellText text = (column, value) -> format(column, value, null);
        UI ui = UI.getCurrent();
        boolean csv = "csv".equals(format);
        Anchor link = new Anchor(handler(base + "." + format, csv ? CsvExport.CONTENT_TYPE : XlsxExport.CONTENT_TYPE,
                out -> csv ? new CsvExport(out, headers, text) : new XlsxExport(out, sheet, headers, text), ui,
                export, empty), getTranslation(csv ? "reports.export.csv" : "reports.export.xlsx"));
        link.setId(idPrefix + format);
        link.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        return link;
    }

    private DownloadHandler handler(String fileName, String contentType, Function<OutputStream, RowSink> sinkFor,
                                    UI ui, ToLongFunction<RowSink> export,
                                    BooleanSupplier isEmpty) {
        String empty = getTranslation("reports.export.empty");
        return (DownloadEvent event) -> {
            if (isEmpty.getAsBoolean()) {
                // the screen offers no export of an empty report; this answers a stale link without a file
                event.getResponse().setStatus(404);
                ui.access(() -> Notification.show(empty));
                return;
            }
            event.setFileName(fileName);
            event.setContentType(contentType);
            ExportProgress progress = null;
            try (OutputStream out = event.getOutputStream()) {
                progress = new ExportProgress(sinkFor.apply(out), new ExportProgressNotification(ui, ExportProgressNotification.Unit.ROWS), System::nanoTime);
                export.applyAsLong(progress);
            } catch (EmptyReportException e) {
                ui.access(() -> Notification.show(empty));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                if (progress != null) {
                    progress.close();
                }
            }
        };
    }
}
