package dev.migrator.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * One database the ITs of this package migrate (H2 in a compatibility mode, or a container's server), and reading
 * back what a user would see.
 *
 * @param url      the JDBC URL
 * @param user     the user migrations run as
 * @param password its password, never printed
 */
record TestServer(String url, String user, String password) {

    /** A fresh in-memory H2 database in {@code mode}, kept until the JVM ends. */
    static TestServer h2(String mode, String name) {
        return new TestServer("jdbc:h2:mem:" + name + System.nanoTime() + ";MODE=" + mode + ";DB_CLOSE_DELAY=-1",
                "sa", "");
    }

    JdbcTarget target(String dialect) {
        JdbcTarget target = JdbcTarget.of(url, user, password);
        return dialect == null ? target : target.dialect(dialect);
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(url, p);
    }

    /** Connections remembered as they are opened, so that a test can end one session as a crash would. */
    Supplier<Connection> recordingConnections(List<Connection> opened) {
        return () -> {
            try {
                Connection c = connect();
                opened.add(c);
                return c;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    List<List<String>> query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every history row as "version action outcome", in rank order; {@code table} as the dialect wrote it. */
    List<String> allHistory(String table) {
        return query("SELECT version, action, outcome FROM " + table + " ORDER BY installed_rank").stream()
                .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)).toList();
    }

    /** The history without the STARTED rows that precede every non-atomic migration. */
    List<String> history(String table) {
        return allHistory(table).stream().filter(r -> !r.endsWith(" STARTED")).toList();
    }

    /** Whether a table exists, its name compared ignoring case (the servers differ in how they store it). */
    boolean tableExists(String schema, String table) {
        try (Connection c = connect(); ResultSet rs = c.getMetaData().getTables(null, schema, null, null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return url;
    }
}
