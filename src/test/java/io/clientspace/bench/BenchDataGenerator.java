package io.clientspace.bench;

import java.time.ZoneOffset;
import io.clientspace.file.StorageProperties;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the database with a firm's worth of clients and one busy client, through bulk paths: rows go in with
 * PostgreSQL's COPY, objects to S3 from a few threads, and processes start in batches ({@link InFlightProcesses}).
 * The full scale of issue 6 takes about a minute on this 2-core machine. Rows are what the services would have
 * written; names carry a marker, so several runs can share a database.
 *
 * <p>Run it on the local dev database with {@code ./mvnw spring-boot:test-run
 * -Dspring-boot.run.arguments=--clientspace.bench.generate=true} (see {@link BenchDataCommand}); the benchmark and
 * the guards call it directly.
 */
@Component
public class BenchDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(BenchDataGenerator.class);

    /** The owner of the large client, and the user whose "My tasks" holds {@link BenchScale#myTasks()}. */
    public static final String MEMBER = "member";
    static final String[] OWNERS = {"manager", "jonas", "admin"};
    static final String[] STATUSES = {"PLANNED", "ACTIVE", "ACTIVE", "ACTIVE", "ON_HOLD", "COMPLETED"};
    static final String[] DOC_TYPES = {"CONTRACT", "INVOICE", "ACT", "OTHER"};
    static final String[] KINDS = {"TASK_CREATED", "TASK_COMPLETED", "FILE_UPLOADED", "DOCUMENT_CREATED",
            "DEAL_STAGE", "PROJECT_UPDATED"};

    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final ObjectProvider<InFlightProcesses> processes;
    private final MinioClient minio;
    private final StorageProperties storage;
    private final Clock clock;

    BenchDataGenerator(DataSource dataSource, PlatformTransactionManager transactions,
                       ObjectProvider<InFlightProcesses> processes, @Qualifier("minioClient") MinioClient minio,
                       StorageProperties storage, Clock clock) {
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(transactions);
        this.processes = processes;
        this.minio = minio;
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * Writes every row in one transaction (the caller's, when there is one: the guards roll theirs back), updates
     * the planner's statistics, then, unless the scale says not to, puts the objects and starts the processes.
     */
    public GeneratedData generate(BenchScale scale) {
        long t0 = System.nanoTime();
        Rows rows = new Rows(scale, UUID.randomUUID().toString().substring(0, 6), clock.instant());
        GeneratedData data = tx.execute(status -> {
            GeneratedData d = rows.write(DataSourceUtils.getConnection(dataSource));
            analyze();
            return d;
        });
        log.info("Bench data {}: rows {} in {} s", data.marker(), data.rows(), seconds(t0));
        if (scale.objects()) {
            long t1 = System.nanoTime();
            putObjects(rows.objectKeys);
            log.info("Bench data {}: {} objects in {} s", data.marker(), rows.objectKeys.size(), seconds(t1));
        }
        if (scale.processes()) {
            for (InFlightProcesses p : processes.orderedStream().toList()) {
                long t1 = System.nanoTime();
                int started = p.start(data, scale);
                log.info("Bench data {}: {} {} processes in {} s", data.marker(), started, p.name(), seconds(t1));
            }
            tx.executeWithoutResult(s -> analyze());
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // a production database is vacuumed by now: visibility maps let counts read only the index
            try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
                s.execute("vacuum analyze");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        log.info("Bench data {} ready in {} s", data.marker(), seconds(t0));
        return data;
    }

    /** Fresh statistics, so the planner sees the generated volumes as a production database would. */
    void analyze() {
        try (var statement = DataSourceUtils.getConnection(dataSource).createStatement()) {
            statement.execute("analyze");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void putObjects(List<String> keys) {
        byte[] bytes = "A small generated object for the benchmark.\n".repeat(8).getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            int chunk = Math.max(1, keys.size() / 4 + 1);
            for (int i = 0; i < keys.size(); i += chunk) {
                List<String> part = keys.subList(i, Math.min(keys.size(), i + chunk));
                done.add(pool.submit(() -> {
                    for (String key : part) {
                        minio.putObject(PutObjectArgs.builder().bucket(storage.bucket()).object(key)
                                .stream(new ByteArrayInputStream(bytes), bytes.length, -1)
                                .contentType("text/plain").build());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Putting bench objects failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String seconds(long since) {
        return String.format("%.1f", (System.nanoTime() - since) / 1e9);
    }

    /** The rows of one run, built in memory and written table by table with COPY. */
    private static final class Rows {

        final BenchScale scale;
        final String marker;
        final Instant now;
        final LocalDate today;
        final Random random = new Random(6);
        final List<String> objectKeys = new ArrayList<>();
        final Map<String, List<Object[]>> tables = new LinkedHashMap<>();
        final Map<String, String> columns = new LinkedHashMap<>();
        final List<UUID> openDeals = new ArrayList<>();
        final List<UUID> readyDocuments = new ArrayList<>();
        UUID sharedProject;
        String contact;
        final List<String> activeContacts = new ArrayList<>();
        final List<String> members = new ArrayList<>(List.of(MEMBER));
        final List<String> managers = new ArrayList<>(List.of("manager"));

        Rows(BenchScale scale, String marker, Instant now) {
            this.scale = scale;
            this.marker = marker;
            this.now = now;
            this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            columns.put("client", "id, kind, name, legal_name, industry, website, owner, email, phone, street,"
                    + " postal_code, city, country, notes, created_at, updated_at");
            columns.put("client_project", "id, client_id, name, description, status, start_date, end_date, owner,"
                    + " created_by, created_at, updated_at, shared_with_client, tasks_visible_to_client");
            columns.put("project_member", "project_id, username, added_by, added_at");
            columns.put("deal", "id, client_id, title, amount, currency, expected_close, owner, stage, next_step,"
                    + " next_step_due, close_reason, created_at, updated_at, stage_changed_at, closed_at");
            columns.put("work_task", "id, client_id, title, assignee, due_date, source, created_at, completed_at,"
                    + " description, priority, created_by, completed_by, project_id");
            columns.put("time_entry", "id, task_id, client_id, staff, work_date, minutes, billable, note, created_at");
            columns.put("stored_file", "id, client_id, name, content_type, size_bytes, object_key, uploaded_by,"
                    + " uploaded_at, deleted_at, deleted_by, sha256, project_id, shared_with_client");
            columns.put("document", "id, client_id, title, type, status, created_by, created_at, updated_at,"
                    + " updated_by, project_id, shared_with_client");
            columns.put("document_version", "id, document_id, number, file_name, content_type, size_bytes,"
                    + " object_key, sha256, note, uploaded_by, uploaded_at");
            columns.put("portal_account", "id, client_id, username, email, display_name, status, granted_by,"
                    + " granted_at, role, invited_at, invited_by, last_sign_in_at, locale");
            columns.put("chat_channel", "id, client_id, project_id, kind, created_at");
            columns.put("chat_message", "id, channel_id, author_kind, author, author_name, body, created_at");
            columns.put("timeline_entry", "id, client_id, project_id, occurred_at, actor, kind, subject_id,"
                    + " subject_title, detail");
            columns.keySet().forEach(t -> tables.put(t, new ArrayList<>()));
        }

        GeneratedData write(Connection connection) {
            UUID large = client("Bench Large Client " + marker, MEMBER);
            int largeProjects = Math.max(1, scale.projects() / 5);
            fill(large, largeProjects, scale.largeDeals(), scale.largeTasks(), scale.myTasks(), scale.files(),
                    scale.documents(), scale.portalContacts(), scale.timelineEntries(), true);
            UUID small = client("Bench Small Client " + marker, MEMBER);
            fill(small, 1, 3, 10, 2, 3, 2, 2, 5, false);
            int otherProjects = Math.max(0, scale.projects() - largeProjects - 1);
            for (int i = 2; i < scale.clients(); i++) {
                // a member owns a few clients of their own; managers and admins the rest
                String owner = i % 20 == 0 ? MEMBER : OWNERS[i % OWNERS.length];
                UUID c = client("Bench Client " + i + " " + marker, owner);
                List<UUID> projects = new ArrayList<>();
                if (i <= otherProjects + 1) {
                    projects.add(project(c, i, owner, false));
                }
                // a firm's history on every client, so the large one is busy but not the whole table
                int n = scale.tasksPerClient();
                tasks(c, projects, n, 0, owner, MEMBER);
                files(c, projects, n / 4, false);
                documents(c, projects, n / 8, false);
                timeline(c, projects, n / 2);
                for (int d = 0; d <= n / 10; d++) {
                    deal(c, owner, false);
                }
            }
            // the concurrency runs' other users: managers see every client and need no rows; each further member owns
            // a client of their own with as many open tasks as member has
            for (int u = 1; u < scale.users(); u++) {
                managers.add("bench-" + marker + "-manager" + u);
                String member = "bench-" + marker + "-member" + u;
                members.add(member);
                UUID c = client("Bench Member Client " + u + " " + marker, member);
                tasks(c, List.of(), scale.myTasks(), scale.myTasks(), member, member);
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            try {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (var table : tables.entrySet()) {
                    copy(copy, table.getKey(), columns.get(table.getKey()), table.getValue());
                    counts.put(table.getKey(), table.getValue().size());
                }
                finalVersions(connection);
            } catch (Exception e) {
                throw new IllegalStateException("Writing bench rows failed", e);
            }
            return new GeneratedData(marker, large, small, sharedProject, contact, MEMBER, List.copyOf(openDeals),
                    counts, List.copyOf(managers), List.copyOf(members),
                    List.copyOf(activeContacts.subList(0, Math.min(scale.users(), activeContacts.size()))));
        }

        /** One client with everything a workspace tab shows; the large and the small client are both made here. */
        void fill(UUID client, int projectCount, int deals, int taskCount, int mine, int files, int documents,
                  int contacts, int timeline, boolean large) {
            List<UUID> projects = new ArrayList<>();
            for (int p = 0; p < projectCount; p++) {
                // the first project is shared with the portal and shows its tasks
                projects.add(project(client, p, p % 3 == 0 ? "manager" : MEMBER, p == 0));
            }
            if (large) {
                sharedProject = projects.get(0);
            }
            for (int d = 0; d < deals; d++) {
                UUID id = deal(client, "manager", d % 10 < 7);
                if (d % 10 < 7) {
                    openDeals.add(id);
                }
            }
            tasks(client, projects, taskCount, mine, MEMBER, MEMBER);
            files(client, projects, files, true);
            documents(client, projects, documents, true);
            for (int a = 0; a < contacts; a++) {
                String username = "bench-" + marker + "-" + (large ? "l" : "s") + a;
                if (large && a == 0) {
                    contact = username;
                }
                boolean active = a % 10 != 9 && a % 5 != 4;
                if (large && active) {
                    activeContacts.add(username);
                }
                row("portal_account", UUID.randomUUID(), client, username, username + "@example.org",
                        "Contact " + a + " " + marker, a % 10 == 9 ? "REVOKED" : a % 5 == 4 ? "INVITED" : "ACTIVE",
                        "manager", ago(a * 3600L), a % 2 == 0 ? "DECISION_MAKER" : "APPROVER", ago(a * 3600L),
                        "manager", a % 5 == 4 ? null : ago(a * 60L), "en");
            }
            UUID channel = UUID.randomUUID();
            row("chat_channel", channel, client, projects.get(0), "CLIENT", ago(0));
            for (int c = 0; c < Math.min(20, timeline); c++) {
                row("chat_message", UUID.randomUUID(), channel, c % 2 == 0 ? "STAFF" : "CUSTOMER",
                        c % 2 == 0 ? "manager" : contact == null ? "someone@example.org" : contact + "@example.org",
                        "Comment author", "A comment on the shared project " + c, ago(c * 900L));
            }
            timeline(client, projects, timeline);
        }

        void files(UUID client, List<UUID> projects, int files, boolean objects) {
            for (int f = 0; f < files; f++) {
                UUID id = UUID.randomUUID();
                String key = "clients/" + client + "/files/" + id;
                if (objects) {
                    objectKeys.add(key);
                }
                boolean trashed = f % 10 == 9;
                UUID project = f % 4 == 0 && !projects.isEmpty() ? pick(projects) : null;
                row("stored_file", id, client, "file-" + f + ".pdf", "application/pdf", 352 + f % 100, key,
                        MEMBER, ago(f * 37L), trashed ? ago(f) : null, trashed ? MEMBER : null, sha(id), project,
                        f % 5 == 0);
            }
        }

        void documents(UUID client, List<UUID> projects, int documents, boolean objects) {
            for (int d = 0; d < documents; d++) {
                UUID id = UUID.randomUUID();
                UUID project = d % 4 == 0 && !projects.isEmpty() ? pick(projects) : null;
                // a ready document needs its final version, which is written after it: READY comes with that
                String status = d % 3 == 2 ? "DRAFT" : "PENDING";
                if (d % 3 == 0) {
                    readyDocuments.add(id);
                }
                row("document", id, client, "Document " + d + " " + marker, DOC_TYPES[d % 4], status, "manager",
                        ago(d * 61L), ago(d * 17L), "manager", project, d % 5 == 0);
                for (int v = 1; v <= scale.versions(); v++) {
                    UUID version = UUID.randomUUID();
                    String key = "clients/" + client + "/documents/" + id + "/" + version;
                    if (objects) {
                        objectKeys.add(key);
                    }
                    row("document_version", version, id, v, "document-" + d + "-v" + v + ".pdf", "application/pdf",
                            352 + v, key, sha(version), v == 1 ? null : "Revised", "manager", ago(d * 17L + v));
                }
            }
        }

        void timeline(UUID client, List<UUID> projects, int entries) {
            for (int e = 0; e < entries; e++) {
                UUID project = e % 3 == 0 && !projects.isEmpty() ? pick(projects) : null;
                row("timeline_entry", UUID.randomUUID(), client, project, ago(e * 300L), "manager",
                        KINDS[e % KINDS.length], UUID.randomUUID(), "Something " + e, null);
            }
        }

        /** {@code count} tasks on the client, the first {@code mine} of them open and assigned to {@code me}. */
        void tasks(UUID client, List<UUID> projects, int count, int mine, String owner, String me) {
            for (int t = 0; t < count; t++) {
                boolean open = t < mine || t % 5 < 2;
                String assignee = t < mine ? me : t % 4 == 0 ? null : t % 4 == 1 ? owner : "manager";
                UUID project = t % 3 == 0 && !projects.isEmpty() ? pick(projects) : null;
                if (t < mine && project != null && !projects.isEmpty()) {
                    // the member's own tasks: on the client they own, or on the projects they are in
                    project = null;
                }
                LocalDate due = t % 7 == 6 ? null : today.plusDays(t % 90 - 30);
                UUID id = UUID.randomUUID();
                row("work_task", id, client, "Task " + t + " " + marker, assignee, due, "AD_HOC", ago(t * 113L),
                        open ? null : ago(t * 7L), t % 2 == 0 ? "What needs doing for task " + t : null,
                        t % 11 == 0 ? "HIGH" : "NORMAL", "manager", open ? null : "manager", project);
                if (project != null && project.equals(sharedProject) && t % 2 == 0) {
                    row("time_entry", UUID.randomUUID(), id, client, "manager", today.minusDays(t % 30),
                            15 * (1 + t % 8), t % 3 != 0, null, ago(t * 113L));
                }
            }
        }

        UUID client(String name, String owner) {
            UUID id = UUID.randomUUID();
            row("client", id, "COMPANY", name, name + " GmbH", "Architecture", "https://example.org", owner,
                    "office-" + id.toString().substring(0, 8) + "@example.org", "+49 30 1234567", "Hauptstrasse 1",
                    "10115", "Berlin", "Germany", null, ago(86_400L * 400), ago(3600));
            return id;
        }

        UUID project(UUID client, int n, String owner, boolean shared) {
            UUID id = UUID.randomUUID();
            row("client_project", id, client, "Project " + n + " " + marker, "Generated project",
                    STATUSES[n % STATUSES.length], today.minusDays(100), null, owner, owner, ago(86_400L * 100),
                    ago(3600), shared, shared);
            if (!MEMBER.equals(owner)) {
                row("project_member", id, MEMBER, owner, ago(86_400L * 99));
            }
            return id;
        }

        UUID deal(UUID client, String owner, boolean open) {
            UUID id = UUID.randomUUID();
            boolean won = random.nextBoolean();
            row("deal", id, client, "Deal " + id.toString().substring(0, 6), 1_000 + random.nextInt(90_000), "EUR",
                    today.plusDays(30), owner, open ? "StageNew" : won ? "WON" : "LOST", open ? "Call back" : null,
                    open ? today.plusDays(7) : null, open ? null : won ? "Best offer" : "Budget cut",
                    ago(86_400L * 30), ago(3600), ago(3600), open ? null : ago(3600));
            return id;
        }

        /** A document marked ready has a final version: its last. */
        void finalVersions(Connection connection) throws SQLException {
            try (var s = connection.prepareStatement("update document d set final_version_id = v.id,"
                    + " status = 'READY' from document_version v where v.document_id = d.id and v.number = ?"
                    + " and d.id = any(?)")) {
                s.setInt(1, scale.versions());
                s.setArray(2, connection.createArrayOf("uuid", readyDocuments.toArray()));
                s.executeUpdate();
            }
        }

        UUID pick(List<UUID> from) {
            return from.get(random.nextInt(from.size()));
        }

        Instant ago(long seconds) {
            return now.minus(Duration.ofSeconds(seconds));
        }

        void row(String table, Object... values) {
            tables.get(table).add(values);
        }

        static String sha(UUID id) {
            return HexFormat.of().formatHex((id.toString() + id).getBytes(StandardCharsets.US_ASCII), 0, 32);
        }

        static void copy(CopyManager copy, String table, String columns, List<Object[]> rows) throws Exception {
            StringBuilder csv = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = rows.get(i);
                for (int c = 0; c < row.length; c++) {
                    if (c > 0) {
                        csv.append(',');
                    }
                    Object v = row[c];
                    if (v instanceof String s) {
                        csv.append('"').append(s.replace("\"", "\"\"")).append('"');
                    } else if (v != null) {
                        csv.append(v);
                    }
                }
                csv.append('\n');
                if (csv.length() > 4_000_000 || i == rows.size() - 1) {
                    copy.copyIn("copy " + table + " (" + columns + ") from stdin (format csv)",
                            new StringReader(csv.toString()));
                    csv.setLength(0);
                }
            }
        }
    }
}
