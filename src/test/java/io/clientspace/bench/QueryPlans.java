package io.clientspace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The guards' reading of PostgreSQL's plans for the app's recorded SQL ({@link SqlRecorder}), on the transaction's
 * connection: which large tables a statement reads sequentially, and whether an index could serve it instead. The
 * rule is {@link WorkspaceAtScaleGuardTests}'s: a sequential scan of a table of at least {@code largeTableRows} rows
 * that keeps under {@code selectivePercent} of them is a missing index; one that keeps more passes where PostgreSQL
 * can plan without it (enable_seqscan off).
 */
final class QueryPlans {

    /** A sequential scan in a plan: the table, and how many rows the planner expects it to keep. */
    record Scan(String table, long rows) {
    }

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Long> sizes;

    /** Reads the table sizes as the planner sees them: call after ANALYZE. */
    QueryPlans(DataSource dataSource) {
        this.dataSource = dataSource;
        this.sizes = tableSizes();
    }

    /** The scans that break the rule in this statement, each said with the table, its size and the SQL. */
    List<String> missingIndexes(String call, SqlRecorder.Recorded statement, long largeTableRows,
                                long selectivePercent) {
        List<String> problems = new ArrayList<>();
        for (Scan scan : seqScans(statement, false)) {
            long rows = sizes.getOrDefault(scan.table(), 0L);
            if (rows < largeTableRows) {
                continue;
            }
            String where = call + ": Seq Scan on " + scan.table() + " (" + rows + " rows, keeps " + scan.rows()
                    + ") in\n    " + statement.sql().replaceAll("(\\?,)+\\?", "?, ...");
            if (scan.rows() * 100 < rows * selectivePercent) {
                problems.add(where);
            } else if (seqScans(statement, true).stream().anyMatch(s -> s.table().equals(scan.table()))) {
                problems.add(where + "\n    and no index serves it");
            }
        }
        return problems;
    }

    /**
     * The sequential scans in the statement's plan; with {@code avoid}, in the plan PostgreSQL makes when told to
     * avoid them (enable_seqscan off), which still has one only where no index can serve the query.
     */
    List<Scan> seqScans(SqlRecorder.Recorded statement, boolean avoid) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (avoid) {
                connection.createStatement().execute("set local enable_seqscan = off");
            }
            try (var explain = statement.prepare(connection, "explain (format json) ");
                 ResultSet rs = explain.executeQuery()) {
                rs.next();
                List<Scan> scans = new ArrayList<>();
                collect(json.readTree(rs.getString(1)).get(0).get("Plan"), scans);
                return scans;
            } finally {
                if (avoid) {
                    connection.createStatement().execute("set local enable_seqscan = on");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("EXPLAIN failed for " + statement.sql(), e);
        }
    }

    private static void collect(JsonNode plan, List<Scan> scans) {
        if ("Seq Scan".equals(plan.path("Node Type").asText())) {
            scans.add(new Scan(plan.path("Relation Name").asText().toLowerCase(Locale.ROOT),
                    plan.path("Plan Rows").asLong()));
        }
        for (JsonNode child : plan.path("Plans")) {
            collect(child, scans);
        }
    }

    private Map<String, Long> tableSizes() {
        Map<String, Long> result = new HashMap<>();
        try (var s = DataSourceUtils.getConnection(dataSource).createStatement();
             ResultSet rs = s.executeQuery("select lower(relname), reltuples::bigint from pg_class c"
                     + " join pg_namespace n on n.oid = c.relnamespace where relkind = 'r'"
                     + " and n.nspname = current_schema()")) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getLong(2));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return result;
    }
}
