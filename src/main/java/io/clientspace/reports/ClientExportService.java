package io.clientspace.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clientspace.client.ClientAction;
import io.clientspace.client.ClientService;
import io.clientspace.security.CurrentUserProvider;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One client's records as a ZIP, for handing the client over or answering a data subject's request: its facts,
 * deals, tasks, time entries, documents (the list, not the files), proposals and timeline, one CSV each, and a
 * {@code manifest.json} that lists the files with their row counts and SHA-256, when and by whom it was made.
 * <p>
 * Every file streams from a database cursor into the ZIP as it is read, so a client with 10,000 tasks costs no more
 * memory than one with ten. The CSVs carry every column of their table as stored (ids, codes, UTC times), since the
 * reader is another system or a lawyer, not a chart. Only a manager of the client may export it.
 */
@Service
public class ClientExportService {

    /** A CSV in the ZIP ({@code name}.csv) and the query behind it; its one parameter is the client's id. */
    private record Part(String name, String sql) {
        String file() {
            return name + CSV;
        }
    }

    private static final String CSV = ".csv";

    private static final List<Part> PARTS = List.of(
            new Part("client", "select c.*, (select string_agg(t.tag, ';' order by t.tag) from client_tag t"
                    + " where t.client_id = c.id) as tags from client c where c.id = ?"),
            new Part("deals", "select * from deal where client_id = ? order by created_at, id"),
            new Part("tasks", "select * from work_task where client_id = ? order by created_at, id"),
            new Part("time_entries", "select * from time_entry where client_id = ? order by work_date, id"),
            new Part("documents", "select d.*, (select count(*) from document_version v where v.document_id"
                    + " = d.id) as versions from document d where d.client_id = ? order by d.created_at, d.id"),
            new Part("proposals", "select * from proposal where client_id = ? order by created_at, id"),
            new Part("timeline", "select * from timeline_entry where client_id = ? order by occurred_at, id"));

    /** What went into one export: the files with their rows and hashes, as the manifest lists them. */
    public record Manifest(UUID clientId, String clientName, Instant generatedAt, String generatedBy,
                           List<ManifestFile> files) {
    }

    public record ManifestFile(String name, long rows, String sha256) {
    }

    private final JdbcTemplate jdbc;
    private final ClientService clients;
    private final CurrentUserProvider currentUser;
    private final Clock clock;

    ClientExportService(DataSource dataSource, ClientService clients, CurrentUserProvider currentUser, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        // inside the read-only transaction PostgreSQL reads through a cursor
        this.jdbc.setFetchSize(500);
        this.clients = clients;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The ZIP's file name for a client: {@code clientspace-client-<id>.zip}. */
    public static String fileName(UUID clientId) {
        return "clientspace-client-" + clientId + ".zip";
    }

    /**
     * Writes the client's ZIP to {@code out}; the caller closes {@code out}.
     *
     * @throws io.clientspace.shared.NotFoundException when there is no such client
     * @throws io.clientspace.shared.NoAccessException unless the current user is a manager of the client (admins,
     *                                                 managers, its owner, a workspace member with manager level)
     */
    @Transactional(readOnly = true)
    public Manifest export(UUID clientId, OutputStream out) {
        clients.require(clientId, ClientAction.SHARE);
        String name = clients.get(clientId).name();
        Instant at = clock.instant();
        String by = currentUser.require().username();
        List<ManifestFile> files = new ArrayList<>();
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            for (Part part : PARTS) {
                zip.putNextEntry(new ZipEntry(part.file()));
                files.add(csv(part, clientId, zip));
                zip.closeEntry();
            }
            Manifest manifest = new Manifest(clientId, name, at, by, List.copyOf(files));
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifestJson(manifest));
            zip.closeEntry();
            zip.finish();
            zip.flush();
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ManifestFile csv(Part part, UUID clientId, OutputStream zip) throws IOException {
        MessageDigest sha = sha256();
        // the ZIP stays open for the next entry: the CSV printer must not close it
        OutputStream entry = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        Writer writer = new OutputStreamWriter(new DigestOutputStream(entry, sha), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        long[] rows = {0};
        boolean[] header = {false};
        jdbc.query(part.sql(), rs -> {
            try {
                ResultSetMetaData meta = rs.getMetaData();
                if (!header[0]) {
                    List<String> names = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        names.add(meta.getColumnLabel(i));
                    }
                    printer.printRecord(names);
                    header[0] = true;
                }
                List<String> cells = new ArrayList<>(meta.getColumnCount());
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    cells.add(value == null ? "" : value instanceof java.sql.Timestamp t ? t.toInstant().toString()
                            : String.valueOf(value));
                }
                printer.printRecord(cells);
                rows[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, clientId);
        if (!header[0]) {
            // no rows: still say which columns the file would have
            List<String> names = jdbc.query(part.sql().replace("= ?", "= ? and false"), rs -> {
                List<String> labels = new ArrayList<>();
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    labels.add(meta.getColumnLabel(i));
                }
                return labels;
            }, clientId);
            printer.printRecord(names);
        }
        printer.flush();
        writer.flush();
        return new ManifestFile(part.file(), rows[0], HexFormat.of().formatHex(sha.digest()));
    }

    private static byte[] manifestJson(Manifest m) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("client", m.clientId().toString());
        root.put("clientName", m.clientName());
        root.put("generatedAt", m.generatedAt().toString());
        root.put("generatedBy", m.generatedBy());
        ArrayNode files = root.putArray("files");
        for (ManifestFile f : m.files()) {
            files.addObject().put("name", f.name()).put("rows", f.rows()).put("sha256", f.sha256());
        }
        return json.writeValueAsBytes(root);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
