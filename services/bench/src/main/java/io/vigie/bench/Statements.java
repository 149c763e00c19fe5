package io.vigie.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL spent its time on during a phase, from {@code pg_stat_statements} (preloaded by infra/vigie-infra):
 * the execution time of each database's top-level statements, and the costliest statements, nested ones included (a
 * rollup trigger's statements run inside the statement that fired it, so their time is also in its total). Against a
 * server without the extension the bench says so and goes on.
 */
final class Statements {

    private Statements() {
    }

    /** One statement's figures, over the phase. */
    record Statement(String database, boolean topLevel, long calls, long rows, double totalMs, String query) {
    }

    /** A phase's figures: per database (top-level statements only), then the costliest statements. */
    record Usage(Map<String, Double> msByDatabase, List<Statement> top) {
    }

    /** Forgets the figures so far; false (with the reason on stderr) when the extension is not there. */
    static boolean reset(BenchEnv env) {
        try (Connection c = env.database("postgres"); var st = c.createStatement()) {
            st.execute("select pg_stat_statements_reset()");
            return true;
        } catch (SQLException e) {
            System.err.println("bench: no PostgreSQL statement figures (pg_stat_statements): " + e.getMessage());
            return false;
        }
    }

    /** The figures since {@link #reset} of the databases whose name ends with {@code suffix}. */
    static Usage read(BenchEnv env, String suffix, int top) throws SQLException {
        Map<String, Double> byDb = new LinkedHashMap<>();
        List<Statement> statements = new ArrayList<>();
        try (Connection c = env.database("postgres")) {
            try (PreparedStatement ps = c.prepareStatement("""
                    select d.datname, sum(s.total_exec_time) from pg_stat_statements s join pg_database d on d.oid = s.dbid
                    where s.toplevel and d.datname like ? group by 1 order by 2 desc""")) {
                ps.setString(1, "%" + suffix);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byDb.put(rs.getString(1), round(rs.getDouble(2)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    select d.datname, s.toplevel, s.calls, s.rows, s.total_exec_time, s.query
                    from pg_stat_statements s join pg_database d on d.oid = s.dbid
                    where d.datname like ? order by s.total_exec_time desc limit ?""")) {
                ps.setString(1, "%" + suffix);
                ps.setInt(2, top);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        statements.add(new Statement(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4),
                                round(rs.getDouble(5)), shorten(rs.getString(6))));
                    }
                }
            }
        }
        return new Usage(byDb, statements);
    }

    /** The statement on one line, cut after 160 characters (enough to tell the table and the kind of statement). */
    static String shorten(String query) {
        String one = query.replaceAll("\\s+", " ").strip();
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
