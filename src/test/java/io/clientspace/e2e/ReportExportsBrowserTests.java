package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manager takes a client away as a ZIP from its workspace; an admin downloads the activity export for a month and
 * reads on the page the same SHA-256 the file has, recorded among the recent exports.
 */
class ReportExportsBrowserTests extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final UUID client = UUID.randomUUID();

    @BeforeEach
    void data() {
        jdbc.update("insert into client (id, kind, name, owner, created_at, updated_at) values (?, 'COMPANY', ?,"
                + " 'manager', now(), now())", client, "Export " + tag);
        jdbc.update("insert into deal (id, client_id, title, amount, currency, expected_close, owner, stage,"
                + " created_at, updated_at, stage_changed_at) values (?, ?, 'Deal to hand over', 100, 'EUR',"
                + " current_date + 30, 'manager', 'StageNew', now(), now(), now())", UUID.randomUUID(), client);
        jdbc.update("insert into timeline_entry (id, client_id, occurred_at, actor, kind, subject_id, subject_title)"
                + " values (?, ?, ?, 'manager', 'DEAL_STAGE', ?, 'Audited deal')", UUID.randomUUID(), client,
                Timestamp.from(Instant.parse("2004-06-15T12:00:00Z")), UUID.randomUUID());
    }

    @AfterEach
    void clean() {
        jdbc.update("delete from activity_export where exported_by = 'admin' and range_from = '2004-06-01'");
        // opening the workspace gives the client its mail address and may open its chat channels
        jdbc.update("delete from mail_address where client_id = ?", client);
        jdbc.update("delete from chat_message where channel_id in (select id from chat_channel where client_id = ?)",
                client);
        jdbc.update("delete from chat_channel where client_id = ?", client);
        jdbc.update("delete from timeline_entry where client_id = ?", client);
        jdbc.update("delete from deal where client_id = ?", client);
        // and whatever else the workspace made on first opening (its checklist, ...): every table whose foreign key
        // points at the client, a few rounds for tables that point at each other
        List<String[]> references = jdbc.query("select c.conrelid::regclass::text, a.attname from pg_constraint c"
                + " join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1] where c.contype = 'f'"
                + " and c.confrelid = 'client'::regclass and c.conrelid <> 'client'::regclass",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
        for (int round = 0; round < 3; round++) {
            for (String[] ref : references) {
                try {
                    jdbc.update("delete from " + ref[0] + " where " + ref[1] + " = ?", client);
                } catch (org.springframework.dao.DataIntegrityViolationException e) {
                    // another table still points at these rows: the next round
                }
            }
        }
        jdbc.update("delete from client where id = ?", client);
    }

    @Test
    void aManagerDownloadsTheClientAsAZipWithItsManifest() throws Exception {
        signIn("/clients/company/" + client, "manager", "manager");
        assertThat(page.locator("#client-export-zip")).isVisible();
        Download zip = page.waitForDownload(() -> page.locator("#client-export-zip").click());
        org.assertj.core.api.Assertions.assertThat(zip.suggestedFilename())
                .isEqualTo("clientspace-client-" + client + ".zip");
        List<String> names = new ArrayList<>();
        JsonNode manifest = null;
        String deals = null;
        try (InputStream in = Files.newInputStream(zip.path()); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                names.add(e.getName());
                byte[] bytes = entries.readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    manifest = new ObjectMapper().readTree(bytes);
                } else if (e.getName().equals("deals.csv")) {
                    deals = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(names).contains("client.csv", "deals.csv", "timeline.csv",
                "manifest.json");
        org.assertj.core.api.Assertions.assertThat(deals).contains("Deal to hand over");
        org.assertj.core.api.Assertions.assertThat(manifest.get("generatedBy").asText()).isEqualTo("manager");
        org.assertj.core.api.Assertions.assertThat(manifest.get("client").asText()).isEqualTo(client.toString());
    }

    @Test
    void anAdminDownloadsTheActivityExportAndReadsItsHash() throws Exception {
        signIn("/reports/activity", "admin", "admin");
        page.locator("#activity-from input").fill("6/1/2004");
        page.locator("#activity-from input").press("Enter");
        page.locator("#activity-to input").fill("6/30/2004");
        page.locator("#activity-to input").press("Enter");
        Download csv = page.waitForDownload(() -> page.locator("#activity-export-csv").click());
        byte[] bytes = Files.readAllBytes(csv.path());
        org.assertj.core.api.Assertions.assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .contains("Audited deal", "Export " + tag);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(page.locator("#activity-export-done")).containsText(sha);
        assertThat(page.locator("#activity-exports")).containsText(sha);
        screenshot("reports-activity-export");

        // a month with nothing recorded: a message, no file
        page.locator("#activity-from input").fill("6/1/2001");
        page.locator("#activity-from input").press("Enter");
        page.locator("#activity-to input").fill("6/30/2001");
        page.locator("#activity-to input").press("Enter");
        page.locator("#activity-export-csv").click();
        assertThat(page.locator("vaadin-notification-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Nothing was recorded in this range"))).isVisible();
    }
}
