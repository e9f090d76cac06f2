package dev.migrator.testkit;

/** The databases {@link TestDatabase} can hand a test. */
public enum DatabaseKind {
    /** H2 in memory: always available. */
    H2("h2"),
    /** PostgreSQL: a configured server, the local one on 127.0.0.1:5432, or a Testcontainers container. */
    POSTGRESQL("postgresql"),
    /** MariaDB (or MySQL): a configured server, the local one on 127.0.0.1:3306, or a Testcontainers container. */
    MARIADB("mariadb");

    private final String key;

    DatabaseKind(String key) {
        this.key = key;
    }

    /** The name in system properties ({@code migrator.test.<key>.url}) and, upper-cased, in environment variables. */
    public String key() {
        return key;
    }
}
