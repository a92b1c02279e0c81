package io.clientspace.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements the product sends beyond the raw engine's for the same engine work, matched by their SQL text (the
 * engine's own statements are the same SQL on both sides), each with what it buys: the benchmark's answer to "where
 * does deal creation's time go".
 */
final class StatementDiff {

    private static final Pattern TABLE = Pattern.compile(
            "^\\s*(insert\\s+into|update|delete\\s+from|select\\s+pg_notify|select)\\s*(?:.*?\\bfrom\\s+)?([a-z_0-9.]+)?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private StatementDiff() {
    }

    /** The product's statements whose SQL the raw side does not send (as often), in the order the product sent them. */
    static List<String> extra(List<SqlRecorder.Recorded> raw, List<SqlRecorder.Recorded> product) {
        Map<String, Integer> left = new HashMap<>();
        raw.forEach(r -> left.merge(normalize(r.sql()), 1, Integer::sum));
        List<String> extra = new ArrayList<>();
        for (SqlRecorder.Recorded r : product) {
            String key = normalize(r.sql());
            if (left.getOrDefault(key, 0) > 0) {
                left.merge(key, -1, Integer::sum);
            } else {
                extra.add(r.sql());
            }
        }
        return extra;
    }

    static String markdown(List<SqlRecorder.Recorded> raw, List<SqlRecorder.Recorded> product) {
        StringBuilder s = new StringBuilder("The product's statements beyond the raw deal-stages start ("
                + extra(raw, product).size() + "):\n\n| # | Statement | What it buys |\n|---:|---|---|\n");
        int i = 1;
        for (String sql : extra(raw, product)) {
            s.append(String.format(Locale.ROOT, "| %d | `%s` | %s |%n", i++, label(sql), buys(sql)));
        }
        Map<String, Integer> rawOnly = new LinkedHashMap<>();
        for (String sql : extra(product, raw)) {
            rawOnly.merge(label(sql), 1, Integer::sum);
        }
        if (!rawOnly.isEmpty()) {
            s.append("\nSent by the raw side only: ").append(rawOnly).append(".\n");
        }
        return s.toString();
    }

    /** Every statement with its label, for the log. */
    static String listing(String title, List<SqlRecorder.Recorded> statements) {
        StringBuilder s = new StringBuilder(title + " (" + statements.size() + "):\n");
        statements.forEach(r -> s.append("  ").append(abbreviate(normalize(r.sql()), 220)).append('\n'));
        return s.toString();
    }

    static String label(String sql) {
        Matcher m = TABLE.matcher(sql);
        if (!m.find()) {
            return abbreviate(normalize(sql), 40);
        }
        String verb = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (verb.equals("select pg_notify")) {
            return "select pg_notify";
        }
        return verb + (m.group(2) == null ? "" : " " + m.group(2).toLowerCase(Locale.ROOT));
    }

    /** What a statement of the product that the raw engine does not send is for. */
    static String buys(String sql) {
        String l = label(sql);
        if (l.equals("insert into deal")) {
            return "the deal itself, with its first stage and process instance id";
        } else if (l.startsWith("insert into activity") || l.contains("timeline")) {
            return "the deal's first timeline entry, in the same transaction (nothing lost)";
        } else if (l.startsWith("insert into work_task")) {
            return "the stage task's row in our task table: \"My tasks\" and the counters read it, not the engine";
        } else if (l.equals("select pg_notify")) {
            return "the live counters: every open workspace of the client, on any node, refreshes after the commit";
        } else if (l.contains("event_publication")) {
            return "Spring Modulith's event publication registry: an after-commit listener's event survives a crash";
        } else if (l.startsWith("select deal") || l.startsWith("select version")) {
            return "the version the caller gets back, so that the first edit is not refused as stale";
        } else if (l.startsWith("select client")) {
            return "the client's owner: whether the user may work on it (WORK), and who may own the deal";
        } else if (l.contains("workspace_member")) {
            return "the client's live grants: the user's own level unless admin, manager or owner, and the rest of "
                    + "the work group the deal's owner must be in";
        } else if (l.startsWith("update deal")) {
            return "the stage and instance the listener set after the row was persisted";
        } else if (l.contains("project")) {
            return "the permission check on the project";
        }
        return "";
    }

    private static String normalize(String sql) {
        return sql.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
