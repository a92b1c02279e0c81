package io.clientspace.reports;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clientspace.shared.NoAccessException;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The client ZIP on {@link ReportFixture}: exactly Alpha's records, table by table, and nothing of Beta or Gamma;
 * a manifest whose row counts and SHA-256 match the files; only a manager of the client may make it.
 */
@ClientspaceIntegrationTest
class ClientExportIntegrationTests {

    static final Map<String, String> TABLES = Map.of("deals.csv", "deal", "tasks.csv", "work_task",
            "time_entries.csv", "time_entry", "documents.csv", "document", "proposals.csv", "proposal",
            "timeline.csv", "timeline_entry");

    @Autowired
    ClientExportService exports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    ReportFixture data;

    @BeforeEach
    void data() {
        data = new ReportFixture(jdbc, LocalDate.now(clock)).create();
    }

    @AfterEach
    void clean() {
        data.delete();
    }

    @Test
    void theZipHoldsExactlyTheClientsRecordsAndAManifestThatMatchesThem() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClientExportService.Manifest manifest = asManager(() -> exports.export(data.alpha, out));
        Map<String, byte[]> files = unzip(out.toByteArray());

        assertThat(files.keySet()).containsExactly("client.csv", "deals.csv", "tasks.csv", "time_entries.csv",
                "documents.csv", "proposals.csv", "timeline.csv", "manifest.json");
        List<CSVRecord> client = csv(files.get("client.csv"));
        assertThat(client).hasSize(1);
        assertThat(client.get(0).get("id")).isEqualTo(data.alpha.toString());
        assertThat(client.get(0).get("tags")).isEqualTo(data.tag);
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            List<CSVRecord> rows = csv(files.get(table.getKey()));
            Integer expected = jdbc.queryForObject("select count(*) from " + table.getValue()
                    + " where client_id = ?", Integer.class, data.alpha);
            assertThat(expected).as(table.getValue()).isPositive();
            assertThat(rows).as(table.getKey()).hasSize(expected);
            assertThat(rows).as(table.getKey()).allSatisfy(r ->
                    assertThat(r.get("client_id")).isEqualTo(data.alpha.toString()));
        }
        assertThat(csv(files.get("deals.csv")).stream().map(r -> r.get("title")).toList())
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList("select title from deal where client_id = ?",
                        String.class, data.alpha));
        // nothing of another client, anywhere
        String all = new String(out.toByteArray(), StandardCharsets.ISO_8859_1) + files.values().stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).reduce("", String::concat);
        assertThat(all).doesNotContain(data.beta.toString(), data.gamma.toString(), "Beta " + data.tag,
                "Gamma " + data.tag);

        JsonNode json = new ObjectMapper().readTree(files.get("manifest.json"));
        assertThat(json.get("client").asText()).isEqualTo(data.alpha.toString());
        assertThat(json.get("generatedBy").asText()).isEqualTo("manager");
        assertThat(json.get("generatedAt").asText()).isNotBlank();
        assertThat(json.get("files")).hasSize(7);
        for (JsonNode file : json.get("files")) {
            byte[] bytes = files.get(file.get("name").asText());
            assertThat(file.get("sha256").asText()).as(file.get("name").asText())
                    .isEqualTo(HexFormat.of().formatHex(ClientExportService.sha256().digest(bytes)));
            assertThat(file.get("rows").asLong()).as(file.get("name").asText()).isEqualTo(csv(bytes).size());
        }
        assertThat(manifest.files()).extracting(ClientExportService.ManifestFile::name)
                .containsExactly("client.csv", "deals.csv", "tasks.csv", "time_entries.csv", "documents.csv",
                        "proposals.csv", "timeline.csv");
    }

    @Test
    void onlyAManagerOfTheClientMayExportIt() {
        // Alpha is manager's: a member without a manager's level on it gets nothing, not even a part of a file
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> asMember(() -> exports.export(data.alpha, out)))
                .isInstanceOf(NoAccessException.class);
        assertThat(out.size()).isZero();
        // Beta is the member's own client
        ByteArrayOutputStream own = new ByteArrayOutputStream();
        ClientExportService.Manifest manifest = asMember(() -> exports.export(data.beta, own));
        assertThat(manifest.clientId()).isEqualTo(data.beta);
        assertThat(manifest.generatedBy()).isEqualTo("member");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static List<CSVRecord> csv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }
}
