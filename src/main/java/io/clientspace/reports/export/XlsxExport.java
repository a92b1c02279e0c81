package io.clientspace.reports.export;

import io.clientspace.reports.Column;
import io.clientspace.reports.RowSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A report as an Excel workbook, streamed with POI's SXSSF: only the last {@link #WINDOW} rows stay in memory, the
 * rest goes to a compressed temporary file until the workbook is written. Cells are typed: dates are dates (months
 * show as 2026-12), money is a number in its row's currency format, hours and days are numbers, the ratio a percent.
 */
public class XlsxExport implements RowSink {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int WINDOW = 100;

    private final OutputStream out;
    private final String sheetName;
    private final List<String> headers;
    private final CellText text;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final Map<String, CellStyle> styles = new HashMap<>();
    private SXSSFSheet sheet;
    private List<Column> columns;
    private int next;

    public XlsxExport(OutputStream out, String sheetName, List<String> headers, CellText text) {
        this.out = out;
        this.sheetName = sheetName;
        this.headers = headers;
        this.text = text;
        workbook.setCompressTempFiles(true);
    }

    @Override
    public void start(List<Column> columns) {
        this.columns = columns;
        sheet = workbook.createSheet(safeSheetName(sheetName));
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle header = workbook.createCellStyle();
        header.setFont(bold);
        Row row = sheet.createRow(next++);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, Math.max(12, Math.min(40, headers.get(i).length() + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(List<Object> values) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            Column column = columns.get(i);
            Object value = values.get(i);
            Cell cell = row.createCell(i);
            switch (column.type()) {
                case MONTH -> date(cell, value, "yyyy-mm");
                case DATE -> date(cell, value, "yyyy-mm-dd");
                case COUNT -> {
                    if (value != null) {
                        cell.setCellValue(((Number) value).doubleValue());
                        cell.setCellStyle(style("0"));
                    }
                }
                case MONEY -> {
                    if (value != null) {
                        String currency = (String) values.get(column.currencyColumn());
                        cell.setCellValue(((BigDecimal) value).doubleValue());
                        cell.setCellStyle(style("#,##0.00 \"" + currency + "\""));
                    }
                }
                case HOURS -> number(cell, value, "0.00");
                case DAYS -> number(cell, value, "0.0");
                case RATIO -> number(cell, value, "0.0%");
                case ID, CURRENCY -> cell.setCellValue(value == null ? "" : value.toString());
                case TEXT, STAGE, OUTCOME, FEE_MODEL, PROPOSAL_STATUS, PERSON, FLAG ->
                        cell.setCellValue(text.text(column, value));
            }
        }
    }

    @Override
    public void finish() {
        try {
            workbook.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private void date(Cell cell, Object value, String format) {
        if (value != null) {
            cell.setCellValue((LocalDate) value);
            cell.setCellStyle(style(format));
        }
    }

    private void number(Cell cell, Object value, String format) {
        if (value != null) {
            cell.setCellValue(((BigDecimal) value).doubleValue());
            cell.setCellStyle(style(format));
        }
    }

    private CellStyle style(String format) {
        return styles.computeIfAbsent(format, f -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(f));
            return style;
        });
    }

    /** Excel allows 31 characters and no []:*?/\ in a sheet name. */
    static String safeSheetName(String name) {
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", " ").trim();
        return clean.isEmpty() ? "Report" : clean.length() > 31 ? clean.substring(0, 31) : clean;
    }

    Sheet sheet() {
        return sheet;
    }
}
