package dev.migrator.it;

import dev.migrator.core.ContractHooks;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The instant a migration was applied reads back as the instant written, to the millisecond, whatever the JVM's time
 * zone: the history stores UTC wall time, and each database's reading (on MariaDB and MySQL the column's text) takes
 * it as UTC. The engine's clock is fixed, so a reading off by a zone's offset cannot pass for the present.
 */
class InstalledOnIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void installedOn_readsBackAsWritten_inAnyJvmTimeZone(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        TimeZone jvm = TimeZone.getDefault();
        try {
            // A zone whose offset is not whole hours and which had daylight saving time.
            TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
            apply(db, "1", Instant.parse("2026-03-08T05:30:00.678Z"));
            apply(db, "2", Instant.parse("2026-07-01T00:00:00Z"));
            apply(db, "3", Instant.parse("1999-12-31T23:59:59.001Z"));
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            Map<String, Instant> stored = kind == DatabaseKind.MARIADB
                    ? stored(db, "migrator_history", "CAST(installed_on AS CHAR)")
                    : stored(db, "\"migrator_history\"", "CAST(installed_on AS VARCHAR)");
            assertThat(stored.keySet()).containsExactly("1", "2", "3");
            assertThat(stored.get("1")).isBetween(Instant.parse("2026-03-08T05:30:00.678Z"),
                    Instant.parse("2026-03-08T05:30:10.678Z"));
            assertThat(stored.get("2")).isBetween(Instant.parse("2026-07-01T00:00:00Z"),
                    Instant.parse("2026-07-01T00:00:10Z"));
            assertThat(stored.get("3")).isBetween(Instant.parse("1999-12-31T23:59:59.001Z"),
                    Instant.parse("2000-01-01T00:00:09.001Z"));
            assertThat(Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                    .locations("filesystem:" + dir).build().info())
                    .extracting(MigrationStatus::version, MigrationStatus::installedOn)
                    .containsExactly(tuple("1", stored.get("1")), tuple("2", stored.get("2")),
                            tuple("3", stored.get("3")));
        } finally {
            TimeZone.setDefault(jvm);
        }
    }

    /**
     * A history table an older release created lacks the columns added since; a boot with nothing to do reads it as
     * it is (it never alters the table), the times included, and the next change adds the columns.
     */
    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"H2", "POSTGRESQL", "MARIADB"})
    void anOlderReleasesTable_readsAsItIs_untilTheNextChangeCompletesIt(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        apply(db, "1", Instant.parse("2026-03-08T05:30:00.678Z"));
        String history = kind == DatabaseKind.MARIADB ? "migrator_history" : "\"migrator_history\"";
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String column : new String[] {"session_id", "progress", "note"}) {
                s.execute("ALTER TABLE " + history + " DROP COLUMN " + column);
            }
        }
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + dir).build();
        assertThat(migrator.migrate().applied()).isEmpty();
        assertThat(migrator.info()).singleElement().satisfies(m -> assertThat(m.installedOn())
                .isBetween(Instant.parse("2026-03-08T05:30:00.678Z"), Instant.parse("2026-03-08T05:30:10.678Z")));

        apply(db, "2", Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(migrator.info()).extracting(MigrationStatus::version).containsExactly("1", "2");
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT session_id, progress, note FROM " + history)) {
            assertThat(rs.next()).isTrue();
        }
    }

    /**
     * What the history column holds, as the server writes it as text, read by {@code java.time} as UTC wall time: the
     * millisecond the engine wrote (its clock plus the migration's run time). The server's text, not the driver's:
     * MariaDB Connector/J 3.5.1's {@code getString} of a {@code DATETIME(3)} holding {@code .002} says {@code .2000}.
     */
    private static Map<String, Instant> stored(TestDatabase db, String history, String asText) throws Exception {
        Map<String, Instant> stored = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT version, " + asText + " FROM " + history + " ORDER BY installed_rank")) {
            while (rs.next()) {
                stored.put(rs.getString(1), LocalDateTime.parse(rs.getString(2).replace(' ', 'T'))
                        .toInstant(ZoneOffset.UTC));
            }
        }
        return stored;
    }

    /** Adds V{@code version} and applies it with the engine's clock at {@code at}. */
    private void apply(TestDatabase db, String version, Instant at) throws Exception {
        Files.writeString(dir.resolve("V" + version + "__Table.sql"), "CREATE TABLE t" + version + " (id INT);\n");
        Migrator.Builder builder = Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + dir);
        assertThat(ContractHooks.clock(builder, Clock.fixed(at, ZoneId.of("UTC"))).build().migrate().applied())
                .hasSize(1);
    }
}
