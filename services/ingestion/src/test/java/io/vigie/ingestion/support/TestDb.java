package io.vigie.ingestion.support;

import io.vigie.testsupport.Infra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC on the ingestion_test database, to check what was (not) stored. */
public final class TestDb {

    private TestDb() {
    }

    public static Connection connect() throws SQLException {
        Infra infra = Infra.get();
        return DriverManager.getConnection(infra.jdbcUrl("ingestion_test"), infra.value("VIGIE_DB_USER"),
                infra.value("VIGIE_DB_PASSWORD"));
    }

    /** The single long value of a query with one string parameter. */
    public static long count(String sql, String param) {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a mention with this key was stored. */
    public static boolean stored(String key) {
        return count("select count(*) from mention where key = ?", key) > 0;
    }
}
