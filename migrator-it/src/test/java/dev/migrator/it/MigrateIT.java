package dev.migrator.it;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.ValidationException;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.MigrationState;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.migrator.it.Targets.history;
import static dev.migrator.it.Targets.migrator;
import static dev.migrator.it.Targets.query;
import static dev.migrator.it.Targets.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The boot path of migrate() on every relational database. */
class MigrateIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void bootMigration_appliesSqlAndJavaMigrationsInOrder(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);

        MigrateResult result = migrator(db, "classpath:db/basic").build().migrate();

        assertThat(result.applied()).extracting(m -> m.version() + " " + m.type())
                .containsExactly("1 SQL", "1.1 SQL", "2 JAVA", "null SQL");
        assertThat(result.versionBefore()).isNull();
        assertThat(result.versionAfter()).isEqualTo("2");
        assertThat(query(db, "SELECT email FROM users ORDER BY id"))
                .containsExactly(List.of("ada@example.com"), List.of("grace@example.com"));
        assertThat(query(db, "SELECT name FROM user_names ORDER BY name")).hasSize(2);
        assertThat(history(db)).containsExactly("1 APPLY SUCCESS", "1.1 APPLY SUCCESS", "2 APPLY SUCCESS",
                "null APPLY SUCCESS");
        assertThat(query(db, "SELECT installed_by, database_user, host, tool_version, run_id, execution_time "
                + "FROM " + Targets.historyTable(db))).allSatisfy(row -> assertThat(row).doesNotContainNull());
        if (!Targets.transactionalDdl(kind)) {
            // DDL commits at once here: each migration is announced before it runs, so a crash leaves a trace.
            assertThat(Targets.allHistory(db)).startsWith("1 APPLY STARTED", "1 APPLY SUCCESS");
        } else {
            assertThat(Targets.allHistory(db)).hasSize(4);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void secondBoot_appliesNothing(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        migrator(db, "classpath:db/basic").build().migrate();

        MigrateResult second = migrator(db, "classpath:db/basic").build().migrate();

        assertThat(second.applied()).isEmpty();
        assertThat(second.versionBefore()).isEqualTo("2");
        assertThat(second.versionAfter()).isEqualTo("2");
        assertThat(history(db)).hasSize(4);
        assertThat(migrator(db, "classpath:db/basic").build().info()).extracting(MigrationStatus::state)
                .containsOnly(MigrationState.APPLIED);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void validate_catchesAnEditedScript_butNotALineEndingChange(DatabaseKind kind, @TempDir Path dir)
            throws Exception {
        TestDatabase db = databases.create(kind);
        Path v1 = dir.resolve("V1__Create_things.sql");
        Files.writeString(v1, "CREATE TABLE things (id INT PRIMARY KEY);\nINSERT INTO things VALUES (1);\n");
        Migrator migrator = migrator(db, "filesystem:" + dir).build();
        migrator.migrate();

        Files.writeString(v1, "\uFEFFCREATE TABLE things (id INT PRIMARY KEY);\r\nINSERT INTO things VALUES (1);\r\n",
                StandardCharsets.UTF_8);
        migrator.validate();
        assertThat(migrator.migrate().applied()).isEmpty();

        Files.writeString(v1, "CREATE TABLE things (id INT PRIMARY KEY);\nINSERT INTO things VALUES (2);\n");
        assertThatThrownBy(migrator::validate).isInstanceOf(ValidationException.class)
                .hasMessageContaining("V1__Create_things.sql (version 1): the script changed since it was applied");
        assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class)
                .hasMessageContaining("run repair()");

        assertThat(migrator.repair().realignedChecksums()).containsExactly("1");
        migrator.validate();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void badInput_isRefusedBeforeAnythingTouchesTheDatabase(DatabaseKind kind, @TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(kind);
        Files.writeString(dir.resolve("V1__Fine.sql"), "CREATE TABLE fine (id INT);");
        Files.writeString(dir.resolve("V1__Clash.sql"), "CREATE TABLE clash (id INT);");
        Files.writeString(dir.resolve("V__No_version.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("Vabc__Letters.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("U7__Orphan.sql"), "DROP TABLE fine;");
        Files.writeString(dir.resolve("V2__Tenant.sql"), "CREATE TABLE ${tenant}_orders (id INT);");

        assertThatThrownBy(() -> migrator(db, "filesystem:" + dir).build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("two migrations have version 1")
                .hasMessageContaining("V__No_version.sql")
                .hasMessageContaining("Vabc__Letters.sql")
                .hasMessageContaining("U7__Orphan.sql undoes version 7")
                .hasMessageContaining("V2__Tenant.sql line 1: ${tenant} is not a known placeholder");
        assertThat(tableExists(db, "migrator_history")).isFalse();
        assertThat(tableExists(db, "migrator_lock")).isFalse();
        assertThat(tableExists(db, "fine")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void plan_showsTheStatementsWithoutCreatingAnything(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);

        var plan = migrator(db, "classpath:db/basic").build().plan();

        assertThat(plan.migrations()).extracting(m -> m.script())
                .containsExactly("V1__Create_users.sql", "V1_1__Add_email.sql", "db.basic.V2__Backfill_emails",
                        "R__User_names.sql");
        assertThat(plan.migrations().get(1).statements()).containsExactly(
                "ALTER TABLE users ADD COLUMN email VARCHAR(200)", "CREATE INDEX users_email_idx ON users (email)");
        assertThat(plan.toSql()).contains("-- version 1.1: Add email (V1_1__Add_email.sql)",
                "CREATE INDEX users_email_idx ON users (email);");
        assertThat(tableExists(db, "migrator_history")).isFalse();
        assertThat(tableExists(db, "users")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void migrateTo_stopsAtTheVersion_andLeavesRepeatablesForLater(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);

        MigrateResult result = migrator(db, "classpath:db/basic").build().migrateTo("1.1");

        assertThat(result.applied()).extracting(m -> m.version()).containsExactly("1", "1.1");
        assertThat(migrator(db, "classpath:db/basic").build().info())
                .extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "1.1 APPLIED", "2 PENDING", "null PENDING");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void baseline_marksAnExistingSchema_andMigrateAppliesOnlyWhatIsAbove(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Targets.execute(db, "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200))");
        Targets.execute(db, "INSERT INTO users (id, name) VALUES (1, 'Ada')");
        Migrator migrator = migrator(db, "classpath:db/basic").build();

        migrator.baseline("1.1");
        MigrateResult result = migrator.migrate();

        assertThat(result.applied()).extracting(m -> m.version()).containsExactly("2", null);
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 IGNORED", "1.1 BASELINE", "2 APPLIED", "null APPLIED");
        assertThatThrownBy(() -> migrator.baseline("3")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("baseline only a database that migrator has never migrated");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void outOfOrderMigration_isRefusedUnlessAllowed(DatabaseKind kind, @TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(kind);
        Files.writeString(dir.resolve("V1__One.sql"), "CREATE TABLE one (id INT);");
        Files.writeString(dir.resolve("V3__Three.sql"), "CREATE TABLE three (id INT);");
        migrator(db, "filesystem:" + dir).build().migrate();
        Files.writeString(dir.resolve("V2__Two.sql"), "CREATE TABLE two (id INT);");

        assertThatThrownBy(() -> migrator(db, "filesystem:" + dir).build().migrate())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("V2__Two.sql (version 2) is pending, but version 3 is already applied");

        migrator(db, "filesystem:" + dir).outOfOrder(true).build().migrate();
        assertThat(migrator(db, "filesystem:" + dir).outOfOrder(true).build().info())
                .extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 OUT_OF_ORDER", "3 APPLIED");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void repeatable_reRunsWhenItsChecksumChanges(DatabaseKind kind, @TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(kind);
        Files.writeString(dir.resolve("V1__Table.sql"), "CREATE TABLE t (id INT, name VARCHAR(10));");
        Files.writeString(dir.resolve("R__View.sql"), "CREATE OR REPLACE VIEW v AS SELECT id FROM t;");
        migrator(db, "filesystem:" + dir).build().migrate();

        assertThat(migrator(db, "filesystem:" + dir).build().migrate().applied()).isEmpty();
        Files.writeString(dir.resolve("R__View.sql"), "CREATE OR REPLACE VIEW v AS SELECT id, name FROM t;");
        MigrateResult result = migrator(db, "filesystem:" + dir).build().migrate();

        assertThat(result.applied()).extracting(m -> m.script()).containsExactly("R__View.sql");
        assertThat(query(db, "SELECT * FROM v")).isEmpty();
        assertThat(history(db)).containsExactly("1 APPLY SUCCESS", "null APPLY SUCCESS", "null APPLY SUCCESS");
    }
}
