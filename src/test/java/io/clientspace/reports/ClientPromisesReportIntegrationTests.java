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
 * The Client promises reports on {@link ReportFixture}'s acceptances, information requests and client requests,
 * against figures worked out by hand:
 * <pre>
 * Acceptances        client  project   sent    accepted        expired   status
 *  Contract A1       Alpha   Relaunch  10 Jan  13 Jan (3 d)              ACCEPTED
 *  Contract A2       Alpha   Relaunch  20 Jan   3 Feb (14 d)             ACCEPTED
 *  Contract B3       Beta    Beta web   1 Feb   2 Feb (1 d)              ACCEPTED
 *  Contract C4       Gamma   -         10 Feb                  24 Feb    EXPIRED
 *  Contract A5       Alpha   -         25 Jan                            WITHDRAWN
 *  Due A6 / Due B7 / Later C8 / Overdue A9: pending, deadline in 10 h, 47 h, 50 h and 2 h ago
 *
 * Information requests  client  sent    completed       returned items
 *  I1                   Alpha   5 Jan   15 Jan (10 d)
 *  I2                   Alpha   20 Jan   9 Feb (20 d)
 *  I3                   Beta    1 Feb    5 Feb (4 d)
 *  I4                   Alpha   15 Feb  (running)       20 Feb, 2 Mar; 25 Feb (since accepted)
 *
 * Client requests  client  priority  group    first response  breached          state
 *  1               Alpha   P1        manager  1 h             -                 CLOSED (met)
 *  2               Alpha   P1        manager  3 h             response          CLOSED
 *  3               Beta    P2        member   2 h             -                 RESOLVED (met)
 *  4               Gamma   P2        manager  8 h             resolution        IN_PROGRESS
 *  5               Gamma   P3        member   -               -                 QUEUED (running)
 *  6               Alpha   -         -        -               -                 QUEUED, not triaged (running)
 *  7               Alpha   P1        manager  -               -                 CANCELLED (left out)
 * </pre>
 * Beta belongs to {@code member}, who may open no other of these clients; every client request and acceptance was
 * raised in 2025 except the pending ones (now).
 */
@ClientspaceIntegrationTest
class ClientPromisesReportIntegrationTests {

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
    void acceptancesSentAcceptedAndExpiredPerMonthWithTheMedianDaysToAccept() {
        // January: sent A1, A2, A5 (withdrawn, still sent); accepted A1 after 3 days.
        // February: sent B3, C4; accepted A2 (14 d) and B3 (1 d): median (14 + 1) / 2 = 7.5; C4 expired.
        assertThat(rows(ReportKind.ACCEPTANCE_OUTCOMES, year)).containsExactly(
                List.of(JAN, 3L, 1L, 0L, "3"),
                List.of(FEB, 2L, 2L, 1L, "7.5"));
        // the project filter: Relaunch holds A1 and A2 only, A2 accepted in February
        assertThat(rows(ReportKind.ACCEPTANCE_OUTCOMES, year.withProject(data.relaunch))).containsExactly(
                List.of(JAN, 2L, 1L, 0L, "3"),
                List.of(FEB, 0L, 1L, 0L, "14"));
        // the bars: accepted in February, expired in February
        assertThat(column(asManager(() -> reports.drill(ReportKind.ACCEPTANCE_OUTCOMES, year, FEB, 1)), 2))
                .containsExactly("Contract A2 v1", "Contract B3 v1");
        ReportTable expired = asManager(() -> reports.drill(ReportKind.ACCEPTANCE_OUTCOMES, year, FEB, 2));
        assertThat(expired.rows()).extracting(r -> norm(r).subList(1, 8)).containsExactly(Arrays.asList(
                "Gamma " + data.tag, "Contract C4 v1", "manager", LocalDate.of(2025, 2, 10),
                LocalDate.of(2025, 2, 24), null, LocalDate.of(2025, 2, 24)));
        // a range without acceptances is empty
        assertThat(rows(ReportKind.ACCEPTANCE_OUTCOMES, data.filter("2024-01-01", "2024-12-31"))).isEmpty();
    }

    @Test
    void acceptancesDueInTheNext48HoursPerClientOpenTheirList() {
        // A6 (10 h) and B7 (47 h); C8 (50 h) is not due yet, A9's deadline has passed already
        assertThat(rows(ReportKind.ACCEPTANCES_DUE, year)).containsExactly(
                List.of(data.alpha, "Alpha " + data.tag, 1L),
                List.of(data.beta, "Beta " + data.tag, 1L));
        // the range does not apply: the count is about now
        assertThat(rows(ReportKind.ACCEPTANCES_DUE, data.filter("2024-01-01", "2024-12-31"))).hasSize(2);
        assertThat(column(asManager(() -> reports.drill(ReportKind.ACCEPTANCES_DUE, year, data.alpha, 0)), 2))
                .containsExactly("Due A6 v1");
    }

    @Test
    void informationRequestsCompletedPerMonthWithTheMedianDaysAndTheItemsReturned() {
        // January: sent I1, I2; completed I1 (10 d). February: sent I3, I4; completed I2 (20 d) and I3 (4 d):
        // median 12; two items returned (one of them since answered again and accepted: it still counts).
        // March: the other returned item.
        assertThat(rows(ReportKind.INFO_REQUEST_OUTCOMES, year)).containsExactly(
                List.of(JAN, 2L, 1L, "10", 0L),
                List.of(FEB, 2L, 2L, "12", 2L),
                Arrays.asList(MAR, 0L, 0L, null, 1L));
        ReportTable completed = asManager(() -> reports.drill(ReportKind.INFO_REQUEST_OUTCOMES, year, FEB, 1));
        assertThat(column(completed, 3)).containsExactly("Request I2", "Request I3");
        assertThat(completed.rows()).extracting(r -> norm(r).get(8)).containsExactly("20", "4");
        // the Returned bar of February (series 2): I4, with all three returns it had
        ReportTable returned = asManager(() -> reports.drill(ReportKind.INFO_REQUEST_OUTCOMES, year, FEB, 2));
        assertThat(returned.rows()).extracting(r -> norm(r).subList(3, 10)).containsExactly(Arrays.asList(
                "Request I4", "Relaunch " + data.tag, "manager", LocalDate.of(2025, 2, 15), null, null, 3L));
    }

    @Test
    void clientRequestSlaMetAndBreachedByPriorityAndGroupWithTheMedianFirstResponse() {
        // cancelled 7 is left out; P1: 1 met, 2 breached, response 1 h and 3 h; P2: 3 met, 4 breached, 2 h and 8 h
        assertThat(rows(ReportKind.REQUEST_SLA_PRIORITY, year)).containsExactly(
                List.of("P1", 2L, 1L, 1L, 0L, "2"),
                List.of("P2", 2L, 1L, 1L, 0L, "5"),
                Arrays.asList("P3", 1L, 0L, 0L, 1L, null),
                Arrays.asList(null, 1L, 0L, 0L, 1L, null));
        // manager: 1, 2 and 4, responses 1, 3 and 8 h; member: 3 and 5, one response of 2 h
        assertThat(rows(ReportKind.REQUEST_SLA_GROUPS, year)).containsExactly(
                List.of("manager", 3L, 1L, 2L, 0L, "3"),
                List.of("member", 2L, 1L, 0L, 1L, "2"),
                Arrays.asList(null, 1L, 0L, 0L, 1L, null));
        ReportTable breached = asManager(() -> reports.drill(ReportKind.REQUEST_SLA_GROUPS, year, "manager", 1));
        assertThat(breached.rows()).extracting(r -> norm(r).subList(2, 10)).containsExactly(
                List.of(data.clientRequestNumber(2), "Ask 2", "P1", "manager", LocalDate.of(2025, 1, 11), "3",
                        LocalDate.of(2025, 1, 11), true),
                Arrays.asList(data.clientRequestNumber(4), "Ask 4", "P2", "manager", LocalDate.of(2025, 2, 1), "8",
                        null, true));
        ReportTable met = asManager(() -> reports.drill(ReportKind.REQUEST_SLA_PRIORITY, year, "P2", 0));
        assertThat(column(met, 3)).containsExactly("Ask 3");
        // the owner filter: Gamma's requests only
        assertThat(rows(ReportKind.REQUEST_SLA_PRIORITY, year.withOwner("jonas"))).containsExactly(
                List.of("P2", 1L, 0L, 1L, 0L, "8"),
                Arrays.asList("P3", 1L, 0L, 0L, 1L, null));
    }

    @Test
    void aMemberSeesOnlyThePromisesToClientsTheyMayOpen() {
        assertThat(asMember(() -> reports.run(ReportKind.ACCEPTANCE_OUTCOMES, year)).rows()).extracting(r -> norm(r))
                .containsExactly(List.of(FEB, 1L, 1L, 0L, "1"));
        assertThat(asMember(() -> reports.run(ReportKind.ACCEPTANCES_DUE, year)).rows()).extracting(r -> norm(r))
                .containsExactly(List.of(data.beta, "Beta " + data.tag, 1L));
        assertThat(asMember(() -> reports.run(ReportKind.INFO_REQUEST_OUTCOMES, year)).rows())
                .extracting(r -> norm(r)).containsExactly(List.of(FEB, 1L, 1L, "4", 0L));
        assertThat(asMember(() -> reports.run(ReportKind.REQUEST_SLA_PRIORITY, year)).rows()).extracting(r -> norm(r))
                .containsExactly(List.of("P2", 1L, 1L, 0L, 0L, "2"));
        assertThat(asMember(() -> reports.run(ReportKind.REQUEST_SLA_GROUPS, year)).rows()).extracting(r -> norm(r))
                .containsExactly(List.of("member", 1L, 1L, 0L, 0L, "2"));
        ReportTable sent = asMember(() -> reports.drill(ReportKind.ACCEPTANCE_OUTCOMES, year, JAN, 0));
        assertThat(sent.rows()).isEmpty();
        // naming another owner's client in the filter, or drilling into their bars, gives nothing
        assertThat(asMember(() -> reports.run(ReportKind.REQUEST_SLA_PRIORITY, year.withClient(data.alpha))).rows())
                .isEmpty();
        assertThat(asMember(() -> reports.drill(ReportKind.ACCEPTANCES_DUE, year, data.alpha, 0)).rows()).isEmpty();
        assertThat(asMember(() -> reports.drill(ReportKind.REQUEST_SLA_GROUPS, year, "manager", 1)).rows()).isEmpty();
    }

    @Test
    void theExportsHoldExactlyTheRowsOfTheTable() throws Exception {
        for (ReportKind kind : List.of(ReportKind.ACCEPTANCE_OUTCOMES, ReportKind.ACCEPTANCES_DUE,
                ReportKind.INFO_REQUEST_OUTCOMES, ReportKind.REQUEST_SLA_PRIORITY, ReportKind.REQUEST_SLA_GROUPS)) {
            ReportTable table = asManager(() -> reports.run(kind, year));
            assertThat(table.rows()).as(kind.name()).isNotEmpty();
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
            assertThat(exported).as(kind.name()).isEqualTo(table.rows());
        }

        // read back: the CSV's cells and the workbook's typed cells are the table's figures
        CellText text = (column, value) -> value == null ? "" : value.toString();
        List<String> headers = ReportKind.REQUEST_SLA_GROUPS.columns().stream().map(Column::key).toList();
        ByteArrayOutputStream csvBytes = new ByteArrayOutputStream();
        asManager(() -> reports.export(ReportKind.REQUEST_SLA_GROUPS, year, new CsvExport(csvBytes, headers, text)));
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csvBytes.toByteArray(), 3,
                        csvBytes.size() - 3), StandardCharsets.UTF_8))) {
            List<CSVRecord> records = csv.getRecords();
            assertThat(records).hasSize(3);
            assertThat(records.get(0).toList()).containsExactly("manager", "3", "1", "2", "0", "3.00");
            assertThat(records.get(2).toList()).containsExactly("", "1", "0", "0", "1", "");
        }
        ByteArrayOutputStream xlsxBytes = new ByteArrayOutputStream();
        List<String> acceptanceHeaders = ReportKind.ACCEPTANCE_OUTCOMES.columns().stream().map(Column::key).toList();
        asManager(() -> reports.export(ReportKind.ACCEPTANCE_OUTCOMES, year,
                new XlsxExport(xlsxBytes, "Acceptances", acceptanceHeaders, text)));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsxBytes.toByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row february = sheet.getRow(2);
            assertThat(february.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(FEB);
            assertThat(february.getCell(1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(february.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(february.getCell(4).getNumericCellValue()).isEqualTo(7.5);
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
