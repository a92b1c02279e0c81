package io.clientspace.reports.export;

import io.clientspace.reports.Column;
import io.clientspace.reports.RowSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as CSV: RFC 4180 (commas, CRLF, quotes where needed), UTF-8 with a byte order mark so that Excel reads
 * the umlauts and Cyrillic right. Dates are ISO (2026-12-03, months 2026-12), numbers plain with a dot. Each row is
 * written as it comes.
 */
public class CsvExport implements RowSink {

    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final Writer writer;
    private final List<String> headers;
    private final CellText text;
    private CSVPrinter printer;
    private List<Column> columns;

    /** @param headers the column headers in the reader's language, in column order */
    public CsvExport(OutputStream out, List<String> headers, CellText text) {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.headers = headers;
        this.text = text;
    }

    @Override
    public void start(List<Column> columns) {
        this.columns = columns;
        try {
            writer.write('\uFEFF');
            printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(headers.toArray(String[]::new))
                    .get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(List<Object> values) {
        List<String> cells = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            cells.add(cell(columns.get(i), values.get(i)));
        }
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String cell(Column column, Object value) {
        return switch (column.type()) {
            case MONTH -> value == null ? "" : MONTH.format((LocalDate) value);
            case DATE -> value == null ? "" : value.toString();
            case COUNT, ID, CURRENCY -> value == null ? "" : value.toString();
            case MONEY, HOURS, DAYS, RATIO -> value == null ? "" : ((BigDecimal) value).toPlainString();
            case TEXT, STAGE, OUTCOME, FEE_MODEL, PROPOSAL_STATUS, PERSON, FLAG -> text.text(column, value);
        };
    }
}
