package io.clientspace.reports;

import static io.clientspace.reports.ReportServiceIntegrationTests.norm;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.reports.export.CellText;
import io.clientspace.reports.export.CsvExport;
import io.clientspace.reports.export.XlsxExport;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Proposals reports on {@link ReportFixture}'s eight proposals, against figures worked out by hand:
 * <pre>
 *  #  client  fee model    fee        status    submitted     approval         sent   answered     expired
 *  1  Alpha   FIXED_FEE    10000 EUR  ACCEPTED  9 Jan 10:00   26 h (10 Jan)    10 Jan 20 Jan (10 d)
 *  2  Alpha   HOURLY_RATE   5000 EUR  DECLINED  15 Jan        -                15 Jan 18 Feb (34 d)
 *  3  Alpha   FIXED_FEE     2000 USD  ACCEPTED  1 Feb 08:00   10 h             1 Feb  5 Feb (4 d)
 *  4  Alpha   RETAINER      3000 EUR  EXPIRED   2 Feb 09:00   50 h             4 Feb               4 Mar
 *  5  Alpha   FIXED_FEE     1000 EUR  DRAFT     10 Feb        asked, returned  -
 *  6  Beta    MILESTONE     4000 EUR  ACCEPTED  20 Jan        -                20 Jan 26 Jan (6 d)
 *  7  Gamma   FIXED_FEE     1500 EUR  SENT      10 Feb        -                10 Feb
 *  8  Gamma   HOURLY_RATE    800 EUR  DECLINED  20 Dec 2024   -                5 Jan  30 Jan (25 d)
 * </pre>
 * Beta belongs to {@code member}, who may open no other of these clients.
 */
@ClientspaceIntegrationTest
class ProposalsReportIntegrationTests {

    static final LocalDate JAN = LocalDate.of(2025, 1, 1);
    static final LocalDate FEB = LocalDate.of(2025, 2, 1);
    static final LocalDate MAR = LocalDate.of(2025, 3, 1);

    @Autowired
    ReportService reports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    ReportFixture data;
    ReportFilter year;

    @BeforeEach
    void data() {
        data = new ReportFixture(jdbc, LocalDate.now(clock)).create();
        year = data.filter("2025-01-01", "2025-12-31");
    }

    @AfterEach
    void clean() {
        data.delete();
    }

    @Test
    void sentAcceptedDeclinedAndExpiredPerMonthWithConversionAndMedianDaysToDecision() {
        // January: sent 8, 1, 2, 6; accepted 1 (10 d) and 6 (6 d); declined 8 (25 d): 2 of 3 answered, median 10.
        // February: sent 3, 4, 7; accepted 3 (4 d); declined 2 (34 d): 1 of 2, median (4 + 34) / 2 = 19.
        // March: 4 expired; nobody answered, so neither rate nor median. The returned draft 5 counts nowhere.
        assertThat(rows(ReportKind.PROPOSAL_OUTCOMES, year)).containsExactly(
                List.of(JAN, 4L, 2L, 1L, 0L, "0.6667", "10"),
                List.of(FEB, 3L, 1L, 1L, 0L, "0.5", "19"),
                Arrays.asList(MAR, 0L, 0L, 0L, 1L, null, null));

        // each event falls in its own month: February alone still counts 2's answer, not its sending
        assertThat(rows(ReportKind.PROPOSAL_OUTCOMES, data.filter("2025-02-01", "2025-02-28"))).containsExactly(
                List.of(FEB, 3L, 1L, 1L, 0L, "0.5", "19"));
        // the owner filter: Gamma's proposals only
        assertThat(rows(ReportKind.PROPOSAL_OUTCOMES, year.withOwner("jonas"))).containsExactly(
                List.of(JAN, 1L, 0L, 1L, 0L, "0", "25"),
                Arrays.asList(FEB, 1L, 0L, 0L, 0L, null, null));
        // a range without proposals is empty
        assertThat(rows(ReportKind.PROPOSAL_OUTCOMES, data.filter("2024-01-01", "2024-12-31"))).isEmpty();
    }

    @Test
    void aBarOpensTheProposalsBehindIt() {
        // the Sent bar of January (series 0), in the order they were sent
        ReportTable sentInJanuary = asManager(() -> reports.drill(ReportKind.PROPOSAL_OUTCOMES, year, JAN, 0));
        assertThat(column(sentInJanuary, 3)).containsExactly("Proposal 8", "Proposal 1", "Proposal 2", "Proposal 6");
        // the Declined bar of February: 2, answered after 34 days
        ReportTable declinedInFebruary = asManager(() -> reports.drill(ReportKind.PROPOSAL_OUTCOMES, year, FEB, 2));
        assertThat(declinedInFebruary.rows()).extracting(r -> norm(r).subList(2, 11)).containsExactly(List.of(
                data.proposalNumber(2), "Proposal 2", "DECLINED", "HOURLY_RATE", "5000", "EUR",
                LocalDate.of(2025, 1, 15), LocalDate.of(2025, 2, 18), "34"));
        ReportTable expiredInMarch = asManager(() -> reports.drill(ReportKind.PROPOSAL_OUTCOMES, year, MAR, 3));
        assertThat(column(expiredInMarch, 3)).containsExactly("Proposal 4");
        ReportTable fixedFeeInEuro = asManager(() -> reports.drill(ReportKind.PROPOSAL_VALUE, year, "FIXED_FEE",
                "EUR"));
        assertThat(column(fixedFeeInEuro, 3)).containsExactly("Proposal 1", "Proposal 7");
        ReportTable approvedInFebruary = asManager(() -> reports.drill(ReportKind.PROPOSAL_APPROVALS, year, FEB, 2));
        assertThat(approvedInFebruary.rows()).extracting(r -> norm(r).subList(3, 9)).containsExactly(
                List.of("Proposal 3", "ACCEPTED", FEB, FEB, "10", "jonas"),
                List.of("Proposal 4", "EXPIRED", LocalDate.of(2025, 2, 2), LocalDate.of(2025, 2, 4), "50", "jonas"));
    }

    @Test
    void valueByFeeModelKeepsEachCurrencyApart() {
        // sent in 2025: fixed fee 10000 (accepted) + 1500 EUR and 2000 USD (accepted); hourly 5000 + 800 EUR;
        // retainer 3000 EUR; milestones 4000 EUR (accepted). The draft 5 was never sent.
        assertThat(rows(ReportKind.PROPOSAL_VALUE, year)).containsExactly(
                List.of("FIXED_FEE", "EUR", 2L, "11500", 1L, "10000"),
                List.of("FIXED_FEE", "USD", 1L, "2000", 1L, "2000"),
                List.of("HOURLY_RATE", "EUR", 2L, "5800", 0L, "0"),
                List.of("RETAINER", "EUR", 1L, "3000", 0L, "0"),
                List.of("MILESTONE", "EUR", 1L, "4000", 1L, "4000"));
    }

    @Test
    void approvalsRequiredAndTheMedianHoursTheyTook() {
        // January: 1, 2 and 6 submitted (8 in December), 1 needed approval and got it after 26 h.
        // February: 3, 4, 5 and 7 submitted; 3, 4 and 5 needed approval; 3 (10 h) and 4 (50 h) got it, 5 was
        // returned: median (10 + 50) / 2 = 30 h.
        assertThat(rows(ReportKind.PROPOSAL_APPROVALS, year)).containsExactly(
                List.of(JAN, 3L, 1L, 1L, "26"),
                List.of(FEB, 4L, 3L, 2L, "30"));
        ReportTable required = asManager(() -> reports.drill(ReportKind.PROPOSAL_APPROVALS, year, FEB, 1));
        assertThat(column(required, 3)).containsExactly("Proposal 3", "Proposal 4", "Proposal 5");
    }

    @Test
    void aMemberSeesOnlyTheProposalsOfClientsTheyMayOpen() {
        // Beta's one proposal: sent 20 Jan, accepted after 6 days; Alpha's and Gamma's are not theirs to see
        assertThat(asMember(() -> reports.run(ReportKind.PROPOSAL_OUTCOMES, year)).rows()).extracting(r -> norm(r))
                .containsExactly(List.of(JAN, 1L, 1L, 0L, 0L, "1", "6"));
        assertThat(asMember(() -> reports.run(ReportKind.PROPOSAL_VALUE, year)).rows()).extracting(r -> norm(r))
                .containsExactly(List.of("MILESTONE", "EUR", 1L, "4000", 1L, "4000"));
        assertThat(asMember(() -> reports.run(ReportKind.PROPOSAL_APPROVALS, year)).rows()).extracting(r -> norm(r))
                .containsExactly(Arrays.asList(JAN, 1L, 0L, 0L, null));
        ReportTable sent = asMember(() -> reports.drill(ReportKind.PROPOSAL_OUTCOMES, year, JAN, 0));
        assertThat(column(sent, 0)).containsOnly(data.beta);
        assertThat(column(sent, 3)).containsExactly("Proposal 6");
        // naming another owner's client in the filter gives nothing, not their figures
        assertThat(asMember(() -> reports.run(ReportKind.PROPOSAL_OUTCOMES, year.withClient(data.alpha))).rows())
                .isEmpty();
        assertThat(asMember(() -> reports.drill(ReportKind.PROPOSAL_VALUE, year, "FIXED_FEE", "EUR")).rows())
                .isEmpty();
    }

    @Test
    void theExportsHoldExactlyTheRowsOfTheTable() throws Exception {
        for (ReportKind kind : List.of(ReportKind.PROPOSAL_OUTCOMES, ReportKind.PROPOSAL_VALUE,
                ReportKind.PROPOSAL_APPROVALS)) {
            ReportTable table = asManager(() -> reports.run(kind, year));
            List<List<Object>> exported = new ArrayList<>();
            long written = asManager(() -> reports.export(kind, year, new RowSink() {
                public void start(List<Column> columns) {
                    assertThat(columns).isEqualTo(table.columns());
                }

                public void row(List<Object> values) {
                    exported.add(values);
                }

                public void finish() {
                }
            }));
            assertThat(written).isEqualTo(table.rows().size());
            assertThat(exported).isEqualTo(table.rows());
        }

        // read back: the CSV's cells and the workbook's typed cells are the table's figures
        CellText text = (column, value) -> value == null ? "" : value.toString();
        List<String> headers = ReportKind.PROPOSAL_VALUE.columns().stream().map(Column::key).toList();
        ByteArrayOutputStream csvBytes = new ByteArrayOutputStream();
        asManager(() -> reports.export(ReportKind.PROPOSAL_VALUE, year, new CsvExport(csvBytes, headers, text)));
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csvBytes.toByteArray(), 3,
                        csvBytes.size() - 3), StandardCharsets.UTF_8))) {
            List<CSVRecord> records = csv.getRecords();
            assertThat(records).hasSize(5);
            assertThat(records.get(1).toList()).containsExactly("FIXED_FEE", "USD", "1", "2000.00", "1", "2000.00");
        }
        ByteArrayOutputStream xlsxBytes = new ByteArrayOutputStream();
        List<String> outcomeHeaders = ReportKind.PROPOSAL_OUTCOMES.columns().stream().map(Column::key).toList();
        asManager(() -> reports.export(ReportKind.PROPOSAL_OUTCOMES, year,
                new XlsxExport(xlsxBytes, "Proposals", outcomeHeaders, text)));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsxBytes.toByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            Row january = sheet.getRow(1);
            assertThat(january.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(JAN);
            assertThat(january.getCell(1).getNumericCellValue()).isEqualTo(4.0);
            assertThat(january.getCell(5).getNumericCellValue()).isEqualTo(0.6667);
            assertThat(january.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(january.getCell(6).getNumericCellValue()).isEqualTo(10.0);
        }
    }

    private List<List<Object>> rows(ReportKind kind, ReportFilter filter) {
        return asManager(() -> reports.run(kind, filter)).rows().stream().map(ReportServiceIntegrationTests::norm)
                .toList();
    }

    private static List<Object> column(ReportTable table, int index) {
        return table.rows().stream().map(r -> r.get(index)).toList();
    }
}
