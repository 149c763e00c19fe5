package io.vigie.centres.repository;

import io.vigie.testsupport.Infra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC on the tests' database (centres_test), for reading the rows the rollups keep and comparing them with
 * sums over the raw rows: arguments are instants (as timestamps) or anything else the driver takes.
 */
final class TestDatabase {

    private TestDatabase() {
    }

    static Connection connect() throws SQLException {
        Infra infra = Infra.get();
        return DriverManager.getConnection(infra.jdbcUrl("centres_test"), infra.value("VIGIE_DB_USER"),
                infra.value("VIGIE_DB_PASSWORD"));
    }

    /** The rows of {@code sql}, each as its values followed by '|' (timestamps as instants). */
    static List<String> query(String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement st = prepare(c, sql, args); ResultSet r = st.executeQuery()) {
            int cols = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= cols; i++) {
                    Object v = r.getObject(i);
                    row.append(v instanceof Timestamp t ? t.toInstant() : v).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** The first row of {@code sql} by column label. */
    static Map<String, Object> row(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement st = prepare(c, sql, args); ResultSet r = st.executeQuery()) {
            r.next();
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                out.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
            }
            return out;
        }
    }

    /** Runs an insert, update or delete; the rows it changed. */
    static int update(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement st = prepare(c, sql, args)) {
            return st.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Instant t) {
                st.setTimestamp(i + 1, Timestamp.from(t));
            } else {
                st.setObject(i + 1, args[i]);
            }
        }
        return st;
    }
}
