package io.clientspace.bench;

import static io.clientspace.support.Actors.asManager;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.conversation.MailBenchInbox;
import io.clientspace.conversation.MailService;
import io.clientspace.devservices.DevServices;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.ClientspaceIntegrationTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19 §7, mail ingest: {@code ./mvnw -Pbench verify -Dtest=MailIngestBenchmark} (the normal build never runs
 * it). Sends {@code -Dbench.mail.messages} (2,000) mails over GreenMail's SMTP to {@code -Dbench.mail.workspaces} (20)
 * workspace addresses, every {@code -Dbench.mail.attach-every} (4th) with a small PDF attachment, waits until
 * GreenMail's catch-all mailbox holds them all, then times the app reading them over IMAP: read passes of the
 * mailbox ({@link MailBenchInbox}, the same pass the background reader makes under its lease: every unseen mail
 * parsed, matched to its workspace, attachments type-checked, virus-scanned and stored in S3, rows written) until
 * every mail is a row in its workspace. Then checks that none is lost or stored twice. Writes
 * target/bench/bench-mail.md and .csv.
 */
@ClientspaceIntegrationTest
class MailIngestBenchmark {

    static final double GOAL_PER_MINUTE = 1_000;

    @Autowired
    MailBenchInbox inbox;
    @Autowired
    MailService mail;
    @Autowired
    ClientService clients;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void measure() throws Exception {
        int messages = Integer.getInteger("bench.mail.messages", 2_000);
        int workspaces = Integer.getInteger("bench.mail.workspaces", 20);
        int attachEvery = Integer.getInteger("bench.mail.attach-every", 4);
        String marker = UUID.randomUUID().toString().substring(0, 6);
        // anything already waiting in the mailbox is read first, so the timed passes read only the bench's mails
        inbox.readOnce().orElseThrow(() -> new IllegalStateException("another reader holds the mailbox's lease"));

        List<UUID> clientIds = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int w = 0; w < workspaces; w++) {
            Client c = asManager(() -> clients.create(ClientTestData.company("manager"), false));
            clientIds.add(c.id());
            addresses.add(asManager(() -> mail.address(WorkScope.client(c.id()))).address());
        }
        byte[] pdf = ("%PDF-1.4\n% bench " + marker + "\n1 0 obj << /Type /Catalog >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

        int before = DevServices.mail().received().size();
        long s0 = System.nanoTime();
        int withAttachment = 0;
        for (int i = 0; i < messages; i++) {
            MimeMessage m = new MimeMessage(DevServices.mail().smtpSession());
            m.setFrom(new InternetAddress("sender-" + (i % 50) + "-" + marker + "@kunde.example", "Sender " + i,
                    "UTF-8"));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(addresses.get(i % workspaces)));
            m.setSubject("Bench " + marker + " " + i, "UTF-8");
            String text = "Message " + i + " of the mail ingest benchmark.\nKind regards";
            if (attachEvery > 0 && i % attachEvery == 0) {
                MimeBodyPart body = new MimeBodyPart();
                body.setText(text, "UTF-8");
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new jakarta.mail.util.ByteArrayDataSource(pdf,
                        "application/pdf")));
                file.setHeader("Content-Transfer-Encoding", "base64");
                file.setFileName("bench-" + i + ".pdf");
                m.setContent(new MimeMultipart(body, file));
                withAttachment++;
            } else {
                m.setText(text, "UTF-8");
            }
            m.saveChanges();
            DevServices.mail().send(m);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (DevServices.mail().received().size() < before + messages && System.nanoTime() < deadline) {
            Thread.sleep(50); // polling GreenMail's count, with a deadline
        }
        double sentIn = (System.nanoTime() - s0) / 1e9;

        String inWorkspaces = "select count(*) from mail_message m join mail_thread t on t.id = m.thread_id"
                + " where m.direction = 'IN' and m.subject like ? and t.client_id = any(cast(? as uuid[]))";
        String ids = clientIds.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        long maxSeconds = Long.getLong("bench.mail.max-seconds", 600);
        long t0 = System.nanoTime();
        long end = t0 + maxSeconds * 1_000_000_000L;
        int passes = 0;
        long stored = 0;
        while (System.nanoTime() < end) {
            int read = inbox.readOnce().orElseThrow(() -> new IllegalStateException("lease lost"));
            passes++;
            stored = count(inWorkspaces, marker, ids);
            if (stored >= messages || read == 0) {
                break; // all in, or nothing unseen left (then some are lost: the report says how many)
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        stored = count(inWorkspaces, marker, ids);
        long distinct = jdbc.queryForObject("select count(distinct m.message_id) from mail_message m"
                + " join mail_thread t on t.id = m.thread_id where m.direction = 'IN' and m.subject like ?"
                + " and t.client_id = any(cast(? as uuid[]))", Long.class, "Bench " + marker + " %", ids);
        long attachments = jdbc.queryForObject("select count(*) from mail_attachment a join mail_message m"
                + " on m.id = a.message_id where m.subject like ?", Long.class, "Bench " + marker + " %");
        double perMinute = stored / seconds * 60;
        report(messages, workspaces, withAttachment, sentIn, passes, seconds, stored, distinct, attachments,
                perMinute);
    }

    private long count(String sql, String marker, String ids) {
        return jdbc.queryForObject(sql, Long.class, "Bench " + marker + " %", ids);
    }

    private void report(int messages, int workspaces, int withAttachment, double sentIn, int passes, double seconds,
                        long stored, long distinct, long attachments, double perMinute) {
        long lost = messages - distinct;
        long duplicated = stored - distinct;
        String goals = "| Goal | Target | Measured | Met |\n|---|---|---|---|\n"
                + BenchHarness.goal("Mail ingest throughput", ">= 1,000 messages/min", perMinute,
                        perMinute >= GOAL_PER_MINUTE, " msg/min")
                + BenchHarness.goal("Mails lost", "0", lost, lost == 0, "")
                + BenchHarness.goal("Mails stored twice", "0", duplicated, duplicated == 0, "")
                + BenchHarness.goal("Attachments stored", String.valueOf(withAttachment), attachments,
                        attachments == withAttachment, "");
        String md = "# Clientspace mail ingest benchmark (issue 19 §7)\n\n"
                + "Run " + Instant.now() + " on " + BenchHarness.machine(jdbc) + ". GreenMail, clamd, the S3 server"
                + " and PostgreSQL run on the same 2 cores, which other sessions share: figures are noisy.\n\n"
                + String.format(Locale.ROOT, "%,d mails to %d workspace addresses (%,d with a small PDF"
                        + " attachment), sent over GreenMail's SMTP in %.1f s (not timed). Then timed: read passes"
                        + " of the catch-all mailbox over IMAP (MailInbox's pass under its lease: parse, match the"
                        + " address, type-check, virus-scan and store each attachment, write thread, message and"
                        + " attachment rows) until every mail was a row in its workspace: %d passes, %.1f s.%n%n",
                messages, workspaces, withAttachment, sentIn, passes, seconds)
                + "| Figure | Value |\n|---|---:|\n"
                + String.format(Locale.ROOT, "| Mails sent | %d |%n| Rows stored | %d |%n| Distinct Message-IDs"
                        + " stored | %d |%n| Attachments stored | %d |%n| Ingest time s | %.1f |%n| Messages/min |"
                        + " %.0f |%n%n", messages, stored, distinct, attachments, seconds, perMinute)
                + goals;
        Path dir = Path.of("target", "bench");
        BenchHarness.write(dir.resolve("bench-mail.md"), md);
        BenchHarness.write(dir.resolve("bench-mail.csv"), String.format(Locale.ROOT,
                "figure,value%nmessages,%d%nstored,%d%ndistinct,%d%nattachments,%d%nseconds,%.3f%n"
                        + "messages_per_minute,%.1f%n", messages, stored, distinct, attachments, seconds, perMinute));
        System.out.println(md);
    }
}
