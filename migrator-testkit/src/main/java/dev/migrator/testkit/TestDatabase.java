package dev.migrator.testkit;

import dev.migrator.jdbc.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty database for one test, dropped by {@link #close()}. The server is found in this order:
 * <ol>
 * <li>a JDBC URL of a server given by system property {@code migrator.test.<kind>.url} or environment variable
 * {@code MIGRATOR_TEST_<KIND>_URL} (with {@code .user}/{@code _USER} and {@code .password}/{@code _PASSWORD});</li>
 * <li>the local server on its standard port (PostgreSQL 127.0.0.1:5432, MariaDB 127.0.0.1:3306), as user
 * {@code migrator} with password {@code migrator}, which is created first through local administrator access when
 * the server refuses it (see {@code docs/testing.md});</li>
 * <li>a Testcontainers container, where Testcontainers is on the class path and Docker runs.</li>
 * </ol>
 * When none is there, {@link #create} fails, listing what it tried and every remedy: a database test never skips
 * silently.
 *
 * <p>On the server, a database named {@code migrator_test_<random>} is created and dropped after.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String DEFAULT_USER = "migrator";
    private static final String DEFAULT_PASSWORD = "migrator";

    private final DatabaseKind kind;
    private final String url;
    private final String user;
    private final String password;
    private final String name;
    private final Server server;

    private TestDatabase(DatabaseKind kind, String url, String user, String password, String name, Server server) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.name = name;
        this.server = server;
    }

    /**
     * Creates an empty database of the given kind.
     *
     * @throws IllegalStateException when no server of that kind can be reached, saying how to provide one
     */
    public static TestDatabase create(DatabaseKind kind) {
        String name = "migrator_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == DatabaseKind.H2) {
            return new TestDatabase(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", name, null);
        }
        Server server = Server.find(kind);
        server.execute("CREATE DATABASE " + name);
        return new TestDatabase(kind, server.urlOf(name), server.user, server.password, name, server);
    }

    /** The kind of database. */
    public DatabaseKind kind() {
        return kind;
    }

    /** The JDBC URL of this database. */
    public String url() {
        return url;
    }

    /** The user to connect as. */
    public String user() {
        return user;
    }

    /** The password to connect with. */
    public String password() {
        return password;
    }

    /** The database's name (for MariaDB, also its schema). */
    public String name() {
        return name;
    }

    /** A new connection to this database. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Runs one SQL statement on a new connection, for setting up or changing a test's data. */
    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a query on a new connection and returns its rows, each a list of column values as strings. */
    public List<List<String>> query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
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

    /** A data source opening connections to this database with {@link DriverManager} (no pool). */
    public DataSource dataSource() {
        return new DriverManagerDataSource(url, user, password);
    }

    /** Drops the database. */
    @Override
    public void close() {
        if (server == null) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop " + name, e);
            }
            return;
        }
        server.execute(kind == DatabaseKind.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                : "DROP DATABASE IF EXISTS " + name);
    }

    @Override
    public String toString() {
        return kind + " " + url;
    }

    /** A database server that tests may create databases on. */
    static final class Server {
        final DatabaseKind kind;
        final String adminUrl;
        final String user;
        final String password;

        Server(DatabaseKind kind, String adminUrl, String user, String password) {
            this.kind = kind;
            this.adminUrl = adminUrl;
            this.user = user;
            this.password = password;
        }

        static Server find(DatabaseKind kind) {
            String prefix = "migrator.test." + kind.key() + ".";
            String env = "MIGRATOR_TEST_" + kind.key().toUpperCase(Locale.ROOT) + "_";
            String url = setting(prefix + "url", env + "URL");
            if (url != null) {
                return new Server(kind, url, orDefault(setting(prefix + "user", env + "USER"), DEFAULT_USER),
                        orDefault(setting(prefix + "password", env + "PASSWORD"), DEFAULT_PASSWORD));
            }
            if (LocalServer.listening(kind)) {
                return LocalServer.prepare(kind);
            }
            if (Containers.available()) {
                return Containers.start(kind);
            }
            throw LocalServer.unavailable(kind, List.of("no " + env + "URL or system property " + prefix + "url set",
                    "nothing listens on 127.0.0.1:" + LocalServer.port(kind),
                    "Testcontainers is not on the class path or Docker is not running"));
        }

        String urlOf(String database) {
            return replaceDatabase(adminUrl, database);
        }

        void execute(String sql) {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                 Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("on " + kind + " at " + adminUrl + " as " + user + ": " + sql
                        + " failed: " + e.getMessage(), e);
            }
        }

        private static String replaceDatabase(String url, String database) {
            int query = url.indexOf('?');
            String base = query < 0 ? url : url.substring(0, query);
            String params = query < 0 ? "" : url.substring(query);
            int slash = base.indexOf('/', base.indexOf("//") + 2);
            return (slash < 0 ? base + "/" : base.substring(0, slash + 1)) + database + params;
        }

        private static String setting(String property, String env) {
            String v = System.getProperty(property);
            if (v == null || v.isBlank()) {
                v = System.getenv(env);
            }
            return v == null || v.isBlank() ? null : v;
        }

        private static String orDefault(String v, String d) {
            return v == null ? d : v;
        }
    }
}
