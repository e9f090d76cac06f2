package dev.migrator.docs;

import dev.migrator.api.ValidationException;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.core.RepairResult;
import dev.migrator.docs.migrations.MigrationHealth;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.migrator.docs.Fixtures.copy;
import static dev.migrator.docs.Fixtures.execute;
import static dev.migrator.docs.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/migrations.md, part two: the history, validation, baseline, repair and out-of-order migrations. */
class HistoryGuideIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void historyQuery_showsEveryAttemptInOrder() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        Migrator.builder().target(JdbcTarget.of(db.dataSource())).installedBy("ci-job-42").build().migrate();

        List<String> rows = query(db, historyQuery());

        // H2 commits DDL at once, so each migration announces itself (STARTED) before it runs.
        List<String> expected = List.of("1 1 Create accounts APPLY STARTED", "2 1 Create accounts APPLY SUCCESS",
                "3 2 Add iban APPLY STARTED", "4 2 Add iban APPLY SUCCESS",
                "5 3 Backfill ibans APPLY STARTED", "6 3 Backfill ibans APPLY SUCCESS",
                "7 null Account view APPLY STARTED", "8 null Account view APPLY SUCCESS");
        assertThat(rows).hasSameSizeAs(expected);
        for (int i = 0; i < rows.size(); i++) {
            // ... installed_by, installed_on, and no error
            assertThat(rows.get(i)).startsWith(expected.get(i) + " ci-job-42 ").endsWith(" null");
        }
    }

    @Test
    void editedScript_stopsMigrate_untilRestoredOrRepaired(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        copy("db/adopted-schema", dir);
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(db.dataSource()))
                .locations("filesystem:" + dir).build();
        migrator.migrate();

        Path v2 = dir.resolve("V2__Add_customer_phone.sql");
        Files.writeString(v2, "ALTER TABLE customers ADD COLUMN phone VARCHAR(40);\n");

        assertThat(MigrationHealth.migrationProblems(migrator)).singleElement().asString()
                .startsWith("V2__Add_customer_phone.sql (version 2): the script changed since it was applied on ")
                .endsWith("Restore it as it was applied; or, if the database already matches the new script, "
                        + "run repair() to re-align the checksum");
        assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class);

        execute(db, "ALTER TABLE customers ALTER COLUMN phone SET DATA TYPE VARCHAR(40)");
        RepairResult repaired = migrator.repair();
        assertThat(repaired.realignedChecksums()).containsExactly("2");
        assertThat(MigrationHealth.migrationProblems(migrator)).isEmpty();
    }

    @Test
    void versionsFromANewerRelease_areToleratedByMigrate_andReportedByValidate(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        copy("db/adopted-schema", dir);
        Migrator newer = Migrator.builder().target(JdbcTarget.of(db.dataSource()))
                .locations("filesystem:" + dir).build();
        newer.migrate();

        // The previous release, still running during a rolling deployment, does not know version 2.
        Files.delete(dir.resolve("V2__Add_customer_phone.sql"));
        Migrator older = newer.toBuilder().build();
        MigrateResult boot = older.migrate();

        assertThat(boot.applied()).isEmpty();
        assertThat(MigrationHealth.migrationProblems(older)).singleElement().asString()
                .startsWith("version 2 (V2__Add_customer_phone.sql) was applied on ")
                .endsWith(" but is unknown to this application: a newer release applied it");
    }

    @Test
    void baseline_adoptsAnExistingSchema() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        execute(db, "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
        DataSource dataSource = db.dataSource();

        // tag::baseline[]
        Migrator migrator = Migrator.builder()
                .target(JdbcTarget.of(dataSource))
                .locations("classpath:db/adopted-schema")
                .build();
        migrator.baseline("1");   // the database already has what version 1 creates
        migrator.migrate();       // applies version 2 and later
        // end::baseline[]

        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 BASELINE", "2 APPLIED");
        assertThat(query(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'PHONE'"))
                .containsExactly("1");
        assertThatThrownBy(() -> migrator.baseline("2")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("baseline only a database that migrator has never migrated");
    }

    @Test
    void migrationBelowTheLatestApplied_isRefused_unlessOutOfOrderIsAllowed(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        Files.writeString(dir.resolve("V1__Create_a.sql"), "CREATE TABLE a (id INT);\n");
        Files.writeString(dir.resolve("V3__Create_c.sql"), "CREATE TABLE c (id INT);\n");
        DataSource dataSource = db.dataSource();
        Migrator.builder().target(JdbcTarget.of(dataSource)).locations("filesystem:" + dir).build().migrate();
        // A branch merged late brings version 2.
        Files.writeString(dir.resolve("V2__Create_b.sql"), "CREATE TABLE b (id INT);\n");
        String location = "filesystem:" + dir;

        assertThatThrownBy(() -> Migrator.builder().target(JdbcTarget.of(dataSource)).locations(location).build()
                .migrate()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("V2__Create_b.sql (version 2) is pending, but version 3 is already applied: "
                        + "give it a version above 3, or allow it with outOfOrder(true)");

        // tag::out-of-order[]
        Migrator migrator = Migrator.builder()
                .target(JdbcTarget.of(dataSource))
                .locations(location)
                .outOfOrder(true)
                .build();
        // end::out-of-order[]
        migrator.migrate();

        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 OUT_OF_ORDER", "3 APPLIED");
    }

    private static String historyQuery() throws Exception {
        try (InputStream in = HistoryGuideIT.class.getResourceAsStream("/queries/history.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return sql.replaceAll("(?m)^--.*\\n", "").strip().replaceAll(";$", "");
        }
    }
}
