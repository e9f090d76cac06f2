package dev.migrator.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the databases are, and the runner's own (unmeasured) work on them: dropping and creating a fresh database
 * before each apply run, reading versions, and counting history rows afterwards.
 */
final class Servers {
    private final String postgresUrl;
    private final String mariadbUrl;
    private final Path h2Dir;
    private final String user;
    private final String password;

    /**
     * @param postgresUrl a server URL ending in {@code /}, such as {@code jdbc:postgresql://127.0.0.1:5432/}
     * @param mariadbUrl  a server URL ending in {@code /}, such as {@code jdbc:mariadb://127.0.0.1:3306/}
     * @param h2Dir       where H2 file databases go
     */
    Servers(String postgresUrl, String mariadbUrl, Path h2Dir, String user, String password) {
        this.postgresUrl = postgresUrl;
        this.mariadbUrl = mariadbUrl;
        this.h2Dir = h2Dir;
        this.user = user;
        this.password = password;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The URL of database {@code name} on the server of {@code kind}. */
    String url(DbKind kind, String name) {
        return switch (kind) {
            case H2 -> "jdbc:h2:file:" + h2Dir.resolve(name).resolve("bench").toAbsolutePath();
            case POSTGRESQL -> postgresUrl + name;
            case MARIADB -> mariadbUrl + name;
        };
    }

    /** Drops database {@code name} if it exists and creates it empty. */
    void recreate(DbKind kind, String name) throws SQLException, IOException {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        switch (kind) {
            case H2 -> Workload.deleteTree(h2Dir.resolve(name));
            case POSTGRESQL -> admin(postgresUrl + "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)",
                    "CREATE DATABASE " + name);
            case MARIADB -> admin(mariadbUrl, "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
        }
    }

    /** The server's product name and version. */
    String version(DbKind kind) throws SQLException, IOException {
        String name = "bench_version";
        recreate(kind, name);
        try (Connection c = connect(kind, name)) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } finally {
            drop(kind, name);
        }
    }

    void drop(DbKind kind, String name) throws SQLException, IOException {
        switch (kind) {
            case H2 -> Workload.deleteTree(h2Dir.resolve(name));
            case POSTGRESQL -> admin(postgresUrl + "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            case MARIADB -> admin(mariadbUrl, "DROP DATABASE IF EXISTS " + name);
        }
    }

    Connection connect(DbKind kind, String name) throws SQLException {
        return DriverManager.getConnection(url(kind, name), user, password);
    }

    /** How often each migration is recorded as applied in {@code tool}'s history table. */
    HistoryTally tally(DbKind kind, String name, Tool tool) throws SQLException {
        int distinct = 0;
        int duplicates = 0;
        try (Connection c = connect(kind, name); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(tool.appliedPerVersionQuery(kind))) {
            while (rs.next()) {
                distinct++;
                duplicates += rs.getInt(2) - 1;
            }
        }
        return new HistoryTally(distinct, duplicates);
    }

    /** Migrations found applied at least once, and extra applications beyond the first. */
    record HistoryTally(int distinct, int duplicates) {
    }

    private void admin(String url, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }
}
