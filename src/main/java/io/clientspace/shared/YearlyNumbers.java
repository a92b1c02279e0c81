package io.clientspace.shared;

import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Numbers that run per year ({@code R-2026-0012}, {@code CR-2026-0012}) from a counter table with the columns
 * {@code year} (primary key) and {@code last}. One upsert takes the next number and holds the counter's row until the
 * caller's transaction ends, so two requests created at once never share a number and a rolled-back creation gives
 * its number back.
 */
public final class YearlyNumbers {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    private final JdbcTemplate jdbc;
    private final String table;
    private final String prefix;

    /**
     * @param table  the counter table; a plain lower-case identifier from code, never from input
     * @param prefix what the number starts with, for example {@code CR}
     */
    public YearlyNumbers(JdbcTemplate jdbc, String table, String prefix) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
        this.prefix = prefix;
    }

    /** The next number of {@code year}, formatted as {@code PREFIX-YEAR-NNNN}; call inside a transaction. */
    public String next(int year) {
        Integer n = LockSwitch.gated() ? jdbc.queryForObject("insert into " + table + " (year, last) values (?, 1)"
                + " on conflict (year) do update set last = " + table + ".last + 1 returning last", Integer.class, year)
                : ungated(year);
        return String.format("%s-%d-%04d", prefix, year, n);
    }

    /** Read, then write: what numbering would be without the gate. Only a race test's proof takes this path. */
    private Integer ungated(int year) {
        Integer last = jdbc.queryForObject("select coalesce(max(last), 0) from " + table + " where year = ?",
                Integer.class, year);
        int next = last + 1;
        jdbc.update("insert into " + table + " (year, last) values (?, ?)"
                + " on conflict (year) do update set last = excluded.last", year, next);
        return next;
    }
}
