package io.clientspace.reports.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.reports.Column;
import io.clientspace.reports.ColumnType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Both exports read back with the library that wrote them give the same values, typed where the format allows. */
class ExportRoundTripTests {

    static final List<Column> COLUMNS = List.of(Column.of("client-id", ColumnType.ID), Column.of("client", ColumnType.TEXT),
            Column.of("month", ColumnType.MONTH), Column.of("stage", ColumnType.STAGE),
            Column.money("value", 5), Column.of("currency", ColumnType.CURRENCY), Column.of("deals", ColumnType.COUNT),
            Column.of("hours", ColumnType.HOURS), Column.of("ratio", ColumnType.RATIO),
            Column.of("date", ColumnType.DATE), Column.of("person", ColumnType.PERSON));
    static final List<String> HEADERS = List.of("Kunden-ID", "Kunde", "Monat", "Phase", "Wert", "Währung", "Deals",
            "Stunden", "Anteil", "Datum", "Person");
    static final UUID ID = UUID.fromString("0b5c6f43-2f38-4cf2-9d4b-3c1d9b8f0a11");
    static final List<List<Object>> ROWS = List.of(
            Arrays.asList(ID, "Müller, \"Söhne\" & Co", LocalDate.of(2026, 12, 1), "NEGOTIATION",
                    new BigDecimal("12500.50"), "EUR", 3L, new BigDecimal("7.25"), new BigDecimal("0.6667"),
                    LocalDate.of(2026, 12, 3), "manager"),
            Arrays.asList(ID, "ООО «Ромашка»\nфилиал", LocalDate.of(2027, 1, 1), "NEW", new BigDecimal("800.00"), "USD",
                    1L, new BigDecimal("0.50"), null, LocalDate.of(2027, 1, 31), null));
    static final CellText TEXT = (column, value) -> switch (column.type()) {
        case STAGE -> "stage:" + value;
        case PERSON -> value == null ? "Nicht zugewiesen" : "person:" + value;
        default -> value == null ? "" : value.toString();
    };

    @Test
    void csvIsRfc4180InUtf8WithAByteOrderMark() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport csv = new CsvExport(out, HEADERS, TEXT);
        csv.start(COLUMNS);
        ROWS.forEach(csv::row);
        csv.finish();
        byte[] bytes = out.toByteArray();

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n").contains("\"Müller, \"\"Söhne\"\" & Co\"");

        var reader = new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertThat(parser.getHeaderNames()).isEqualTo(HEADERS);
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(2);
            assertThat(records.get(0).toList()).containsExactly(ID.toString(), "Müller, \"Söhne\" & Co", "2026-12",
                    "stage:NEGOTIATION", "12500.50", "EUR", "3", "7.25", "0.6667", "2026-12-03", "person:manager");
            assertThat(records.get(1).toList()).containsExactly(ID.toString(), "ООО «Ромашка»\nфилиал", "2027-01",
                    "stage:NEW", "800.00", "USD", "1", "0.50", "", "2027-01-31", "Nicht zugewiesen");
        }
    }

    @Test
    void xlsxHasTypedCellsDatesAsDatesAndMoneyInItsCurrency() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport xlsx = new XlsxExport(out, "Offene Deals nach Phase: [alle]", HEADERS, TEXT);
        xlsx.start(COLUMNS);
        ROWS.forEach(xlsx::row);
        xlsx.finish();

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Offene Deals nach Phase   alle");
            Row header = sheet.getRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                assertThat(header.getCell(i).getStringCellValue()).isEqualTo(HEADERS.get(i));
            }
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(ID.toString());
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("Müller, \"Söhne\" & Co");
            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(2))).isTrue();
            assertThat(first.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("stage:NEGOTIATION");
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(12500.50);
            assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00 \"EUR\"");
            assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(3.0);
            assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(7.25);
            assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(0.6667);
            assertThat(first.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(first.getCell(9).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 3));
            Row second = sheet.getRow(2);
            assertThat(second.getCell(1).getStringCellValue()).isEqualTo("ООО «Ромашка»\nфилиал");
            assertThat(second.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00 \"USD\"");
            assertThat(second.getCell(8).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(second.getCell(10).getStringCellValue()).isEqualTo("Nicht zugewiesen");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    /** SXSSF keeps a window of rows in memory and flushes the rest: a large export still reads back whole. */
    @Test
    void aLargeXlsxStreamsAndReadsBackWhole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport xlsx = new XlsxExport(out, "Hours", HEADERS, TEXT);
        xlsx.start(COLUMNS);
        int rows = XlsxExport.WINDOW * 30;
        for (int i = 0; i < rows; i++) {
            xlsx.row(ROWS.get(i % 2));
        }
        xlsx.finish();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(rows);
            assertThat(book.getSheetAt(0).getRow(rows).getCell(1).getStringCellValue()).isEqualTo("ООО «Ромашка»\nфилиал");
        }
    }
}
