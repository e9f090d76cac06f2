package dev.migrator.bench;

import java.nio.file.Path;
import java.util.List;

/** A tool under test (or the raw floor): which child main runs it, which jars are its own, where its history is. */
enum Tool {
    MIGRATOR("migrator", MigratorMain.class, List.of("migrator-api-", "migrator-core-", "migrator-jdbc-", "jackson-")),
    FLYWAY("flyway", FlywayMain.class, List.of("flyway-")),
    LIQUIBASE("liquibase", LiquibaseMain.class, List.of("liquibase-", "opencsv-", "snakeyaml-", "jaxb-api-",
            "commons-collections4-", "commons-text-", "commons-lang3-", "commons-io-")),
    RAW("raw JDBC", RawMain.class, List.of()),
    /**
     * The raw floor plus one row committed before each migration holding DDL, as migrator writes a STARTED row
     * before each migration that cannot be atomic (DDL on MariaDB and H2, which commit it implicitly).
     */
    RAW_STARTED("raw + STARTED row", RawMain.class, List.of());

    final String label;
    final Class<?> main;
    /** File-name prefixes of the jars only this tool uses: other tools' child JVMs do not get them. */
    final List<String> ownJars;

    Tool(String label, Class<?> main, List<String> ownJars) {
        this.label = label;
        this.main = main;
        this.ownJars = ownJars;
    }

    boolean isFloor() {
        return this == RAW || this == RAW_STARTED;
    }

    /** The database this tool's runs use on a server, so that every tool keeps its own applied state for S2. */
    String database(String prefix) {
        return prefix + "_" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the child reads: Liquibase its changelog directory, the others the {@code V<n>__x.sql} files. */
    Path scripts(Path workload) {
        return this == LIQUIBASE ? Workload.liquibaseDir(workload) : Workload.sqlDir(workload);
    }

    /** The child's mode argument for an apply run. */
    String applyMode() {
        return this == RAW_STARTED ? "apply-started" : "apply";
    }

    /** One row per migration recorded as successfully applied, with how many times. */
    String appliedPerVersionQuery(DbKind k) {
        return switch (this) {
            // migrator quotes its table's name but not its columns'.
            case MIGRATOR -> "SELECT version, COUNT(*) FROM " + k.q("migrator_history")
                    + " WHERE action = 'APPLY' AND outcome = 'SUCCESS' GROUP BY version";
            case FLYWAY -> "SELECT " + k.q("version") + ", COUNT(*) FROM " + k.q("flyway_schema_history") + " WHERE "
                    + k.q("success") + " = TRUE AND " + k.q("version") + " IS NOT NULL GROUP BY " + k.q("version");
            // Liquibase names its table in upper case, unquoted (PostgreSQL folds it to lower case).
            case LIQUIBASE -> "SELECT ID, COUNT(*) FROM DATABASECHANGELOG GROUP BY ID";
            case RAW, RAW_STARTED -> "SELECT version, COUNT(*) FROM raw_history WHERE success = TRUE GROUP BY version";
        };
    }
}
