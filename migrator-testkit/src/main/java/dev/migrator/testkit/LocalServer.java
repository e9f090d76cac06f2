package dev.migrator.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The local PostgreSQL or MariaDB server on its standard port, made usable by the tests on a machine as it comes.
 *
 * <p>Tests connect as {@code migrator}/{@code migrator}. A fresh machine has no such role or user, but gives local
 * administrator access: PostgreSQL's {@code postgres} over 127.0.0.1 where {@code pg_hba.conf} trusts it, MariaDB's
 * {@code root} over its unix socket (Connector/J's {@code localSocket}) where the process runs as the OS user
 * {@code root}. When the {@code migrator} login is refused, this class uses that access once to create the role or
 * user and nothing else: it never changes the server's configuration, and it never touches a database it did not
 * create. When neither login works, {@link #unavailable} lists every remedy with the exact commands.
 */
final class LocalServer {
    static final String USER = "migrator";
    static final String PASSWORD = "migrator";
    private static final String[] MARIADB_SOCKETS = {
            "/run/mysqld/mysqld.sock", "/var/run/mysqld/mysqld.sock", "/tmp/mysql.sock", "/var/lib/mysql/mysql.sock"};

    private LocalServer() {
    }

    static int port(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL ? 5432 : 3306;
    }

    static String adminUrl(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL ? "jdbc:postgresql://127.0.0.1:5432/postgres"
                : "jdbc:mariadb://127.0.0.1:3306/";
    }

    static boolean listening(DatabaseKind kind) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port(kind)), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The server as {@code migrator}, creating that login first if the server refuses it and local administrator
     * access allows it. Serialised per JVM: test classes that start together must not race to create the role.
     *
     * @throws IllegalStateException listing every remedy when the login fails and cannot be created
     */
    static TestDatabase.Server prepare(DatabaseKind kind) {
        return prepare(kind, USER, PASSWORD);
    }

    /** As {@link #prepare(DatabaseKind)}, for another login (the bootstrap's own test uses a throw-away one). */
    static synchronized TestDatabase.Server prepare(DatabaseKind kind, String user, String password) {
        SQLException refused;
        try (Connection c = DriverManager.getConnection(adminUrl(kind), user, password)) {
            return new TestDatabase.Server(kind, adminUrl(kind), user, password);
        } catch (SQLException e) {
            refused = e;
        }
        List<String> tried = new ArrayList<>();
        tried.add("login as " + user + ": " + refused.getMessage());
        try {
            if (kind == DatabaseKind.POSTGRESQL) {
                createPostgresRole(user, password);
            } else {
                createMariaDbUser(user, password);
            }
        } catch (SQLException e) {
            tried.add("local administrator access: " + e.getMessage());
            throw unavailable(kind, tried);
        }
        try (Connection c = DriverManager.getConnection(adminUrl(kind), user, password)) {
            System.err.println("[migrator-testkit] created the " + kind + " login '" + user
                    + "' on the local server for the tests (see docs/testing.md)");
            return new TestDatabase.Server(kind, adminUrl(kind), user, password);
        } catch (SQLException e) {
            tried.add("login as " + user + " after creating it: " + e.getMessage());
            throw unavailable(kind, tried);
        }
    }

    /** PostgreSQL: as {@code postgres} over 127.0.0.1 (trusted on a developer machine or CI runner). */
    private static void createPostgresRole(String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl(DatabaseKind.POSTGRESQL), "postgres", "");
             Statement s = c.createStatement()) {
            // Superuser: the fault tests end other sessions and set per-role timeouts on roles they create.
            String options = " LOGIN PASSWORD '" + password + "' SUPERUSER CREATEDB CREATEROLE";
            try {
                s.execute("CREATE ROLE " + user + options);
            } catch (SQLException e) {
                if (!"42710".equals(e.getSQLState())) { // duplicate_object: another JVM created it meanwhile
                    throw e;
                }
                s.execute("ALTER ROLE " + user + options);
            }
        }
    }

    /** MariaDB: as {@code root} over the unix socket (unix_socket authentication of the OS user root). */
    private static void createMariaDbUser(String user, String password) throws SQLException {
        String socket = null;
        for (String candidate : MARIADB_SOCKETS) {
            if (Files.exists(Path.of(candidate))) {
                socket = candidate;
                break;
            }
        }
        if (socket == null) {
            throw new SQLException("no MariaDB unix socket at " + String.join(", ", MARIADB_SOCKETS));
        }
        String url = "jdbc:mariadb://localhost/?localSocket=" + socket;
        try (Connection c = DriverManager.getConnection(url, System.getProperty("user.name"), "");
             Statement s = c.createStatement()) {
            for (String host : new String[] {"localhost", "127.0.0.1", "%"}) {
                String account = "'" + user + "'@'" + host + "'";
                s.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + password + "'");
                s.execute("ALTER USER " + account + " IDENTIFIED BY '" + password + "'");
                s.execute("GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION");
            }
        }
    }

    static IllegalStateException unavailable(DatabaseKind kind, List<String> tried) {
        String env = "MIGRATOR_TEST_" + kind.key().toUpperCase(java.util.Locale.ROOT) + "_";
        String sql = kind == DatabaseKind.POSTGRESQL
                ? "sudo -u postgres psql -c \"CREATE ROLE migrator LOGIN PASSWORD 'migrator' SUPERUSER CREATEDB\""
                : "sudo mysql -uroot -e \"CREATE USER 'migrator'@'127.0.0.1' IDENTIFIED BY 'migrator'; "
                + "GRANT ALL PRIVILEGES ON *.* TO 'migrator'@'127.0.0.1' WITH GRANT OPTION\"";
        String docker = kind == DatabaseKind.POSTGRESQL
                ? "docker run -d -p 5432:5432 -e POSTGRES_USER=migrator -e POSTGRES_PASSWORD=migrator postgres:16"
                : "docker run -d -p 3306:3306 -e MARIADB_ROOT_PASSWORD=migrator -e MARIADB_USER=migrator "
                + "-e MARIADB_PASSWORD=migrator mariadb:11 (then grant migrator ALL PRIVILEGES, or use "
                + env + "USER=root and " + env + "PASSWORD=migrator)";
        return new IllegalStateException("This test needs " + kind + " and could not use one.\n  Tried:\n    - "
                + String.join("\n    - ", tried)
                + "\n  Remedies, any one of:\n"
                + "    1. Name a server: export " + env + "URL=jdbc:" + kind.key() + "://host:" + port(kind) + "/"
                + (kind == DatabaseKind.POSTGRESQL ? "postgres" : "") + " " + env + "USER=... " + env
                + "PASSWORD=...  (a user that may create and drop databases)\n"
                + "    2. Create the test login on the local server (127.0.0.1:" + port(kind) + "):\n       " + sql
                + "\n    3. Start Docker and add org.testcontainers:testcontainers to the test class path, or run:\n"
                + "       " + docker + "\n  docs/testing.md explains each.");
    }
}
