package dev.migrator.it;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.migrator.it.Targets.query;
import static dev.migrator.it.Targets.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Flyway project's files run unchanged: SQL callbacks, script configuration files ({@code .sql.conf}) and Flyway's
 * built-in placeholders, on every relational database.
 */
class FlywayHabitsIT {
    private static final String PROJECT = "classpath:db/flyway-habits/project";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    private static Migrator.Builder migrator(TestDatabase db, String... locations) {
        return Migrator.builder()
                .target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations(locations)
                .placeholders(Map.of("env", "test"));
    }

    private static List<String> callbackLog(TestDatabase db) {
        return query(db, "SELECT event, detail FROM callback_log ORDER BY n").stream()
                .map(r -> r.get(0) + (r.get(1) == null ? "" : " " + r.get(1))).toList();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFlywayProjectRunsUnchanged(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);

        MigrateResult result = migrator(db, PROJECT).build().migrate();

        assertThat(result.applied()).extracting(m -> m.version() + " " + m.description())
                .containsExactly("1 Create accounts", "2 Index owner", "3 Latin1 owner", "4 Record where",
                        "null Account view");
        // Callbacks run around the migrations, several for one event in file name order, placeholders replaced.
        assertThat(callbackLog(db)).containsExactly(
                "beforeMigrate migrator_history",
                "beforeEachMigrate beforeEachMigrate.sql", "afterEachMigrate",
                "beforeEachMigrate beforeEachMigrate.sql", "afterEachMigrate",
                "beforeEachMigrate beforeEachMigrate.sql", "afterEachMigrate",
                "beforeEachMigrate beforeEachMigrate.sql", "afterEachMigrate",
                "beforeEachMigrate beforeEachMigrate.sql", "afterEachMigrate",
                "afterMigrate__1_counts test", "afterMigrate__2_audit");
        // They are not migrations: not in the history, not in info().
        assertThat(Targets.history(db)).containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS", "3 APPLY SUCCESS",
                "4 APPLY SUCCESS", "null APPLY SUCCESS");
        assertThat(migrator(db, PROJECT).build().info()).extracting(MigrationStatus::script)
                .containsExactly("V1__Create_accounts.sql", "V2__Index_owner.sql", "V3__Latin1_owner.sql",
                        "V4__Record_where.sql", "R__Account_view.sql");
        // executeInTransaction=false in V2__Index_owner.sql.conf: run outside a transaction, announced by STARTED.
        assertThat(Targets.allHistory(db)).contains("2 APPLY STARTED");
        if (Targets.transactionalDdl(kind)) {
            assertThat(Targets.allHistory(db)).doesNotContain("1 APPLY STARTED");
        }
        // encoding=ISO-8859-1 in V3__Latin1_owner.sql.conf
        assertThat(query(db, "SELECT owner FROM accounts WHERE id = 2")).containsExactly(List.of("Zoë Brontë"));
        // ${flyway:user}, ${flyway:defaultSchema}, ${flyway:database}, ${flyway:table}, ${flyway:filename}
        assertThat(query(db, "SELECT created_by FROM accounts WHERE id = 1").get(0).get(0))
                .isEqualToIgnoringCase(db.user());
        List<String> deployed = query(db, "SELECT schema_name, database_name, history, script FROM deployed").get(0);
        assertThat(deployed.get(0)).isEqualToIgnoringCase(kind == DatabaseKind.MARIADB ? db.name()
                : Targets.schemaOf(db));
        assertThat(deployed.get(1)).isEqualToIgnoringCase(db.name());
        assertThat(deployed.subList(2, 4)).containsExactly("migrator_history", "V4__Record_where.sql");
        assertThat(query(db, "SELECT env FROM account_owners WHERE id = 1")).containsExactly(List.of("test"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void beforeAndAfterMigrateRunOnEveryMigrateEvenWithNothingPending(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        migrator(db, PROJECT).build().migrate();
        int before = callbackLog(db).size();

        MigrateResult again = migrator(db, PROJECT).build().migrate();

        assertThat(again.applied()).isEmpty();
        assertThat(callbackLog(db).subList(before, callbackLog(db).size())).containsExactly(
                "beforeMigrate migrator_history", "afterMigrate__1_counts test", "afterMigrate__2_audit");
        assertThat(Targets.history(db)).hasSize(5);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFailingBeforeMigrateCallbackStopsBeforeAnyMigration(DatabaseKind kind) throws IOException {
        TestDatabase db = databases.create(kind);
        write("beforeMigrate.sql", "SELECT 1 FROM no_such_table;\n");
        write("afterMigrateError.sql", "CREATE TABLE migrate_failed (id INT);\n");
        write("V1__Create_t.sql", "CREATE TABLE t (id INT);\n");

        assertThatThrownBy(() -> migrator(db, "filesystem:" + dir).build().migrate())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Callback " + dir.resolve("beforeMigrate.sql") + " (beforeMigrate) failed at "
                        + "line 1 (statement 1)")
                .hasMessageContaining("so that stopped here");

        assertThat(tableExists(db, "t")).isFalse();
        assertThat(tableExists(db, "migrate_failed")).as("afterMigrateError ran").isTrue();
        assertThat(Targets.history(db)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void errorCallbacksRunWhenAMigrationFails(DatabaseKind kind) throws IOException {
        TestDatabase db = databases.create(kind);
        write("afterEachMigrateError.sql", "CREATE TABLE each_failed (id INT);\n");
        write("afterMigrateError__notify.sql", "CREATE TABLE migrate_failed (id INT);\n");
        write("afterMigrate.sql", "CREATE TABLE migrate_succeeded (id INT);\n");
        write("V1__Broken.sql", "SELECT 1 FROM no_such_table;\n");

        assertThatThrownBy(() -> migrator(db, "filesystem:" + dir).build().migrate())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V1__Broken.sql (version 1) failed");

        assertThat(tableExists(db, "each_failed")).isTrue();
        assertThat(tableExists(db, "migrate_failed")).isTrue();
        assertThat(tableExists(db, "migrate_succeeded")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void validateInfoAndUndoCallbacksRunUnderTheirCommands(DatabaseKind kind) throws IOException {
        TestDatabase db = databases.create(kind);
        write("V1__Create_t.sql", "CREATE TABLE t (id INT);\n");
        write("U1__Create_t.sql", "DROP TABLE t;\n");
        write("beforeValidate.sql", "CREATE TABLE validated (id INT);\n");
        write("afterInfo.sql", "CREATE TABLE informed (id INT);\n");
        write("beforeUndo.sql", "CREATE TABLE undo_started (id INT);\n");
        write("afterEachUndo.sql", "CREATE TABLE undo_each (id INT);\n");
        Migrator migrator = migrator(db, "filesystem:" + dir).build();
        migrator.migrate();

        migrator.validate();
        migrator.info();
        migrator.rollback(1);

        assertThat(List.of("validated", "informed", "undo_started", "undo_each")).allSatisfy(table ->
                assertThat(tableExists(db, table)).as(table).isTrue());
        assertThat(tableExists(db, "t")).isFalse();
    }

    @Test
    void aFailingCallbackNeverShowsASecretPlaceholderValue() throws IOException {
        TestDatabase db = databases.create(DatabaseKind.H2);
        write("afterMigrate.sql", "SELECT '${app_password}' FROM no_such_table;\n");
        write("V1__Create_t.sql", "CREATE TABLE t (id INT);\n");

        assertThatThrownBy(() -> migrator(db, "filesystem:" + dir)
                .placeholders(Map.of("env", "test", "app_password", "Hunter2-s3cret")).build().migrate())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Callback " + dir.resolve("afterMigrate.sql") + " (afterMigrate) failed")
                .hasMessageNotContaining("Hunter2-s3cret");
    }

    @Test
    void baselineAndRepairCallbacksRunAroundTheirCommands() throws IOException {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        write("V1__Create_t.sql", "CREATE TABLE t (id INT);\n");
        write("beforeBaseline.sql", "CREATE TABLE baseline_started (id INT);\n");
        write("afterBaseline.sql", "INSERT INTO baseline_started VALUES (1);\n");
        write("afterRepair.sql", "CREATE TABLE repaired (id INT);\n");
        Migrator migrator = migrator(db, "filesystem:" + dir).build();

        migrator.baseline("1");
        migrator.repair();

        assertThat(query(db, "SELECT id FROM baseline_started")).containsExactly(List.of("1"));
        assertThat(tableExists(db, "repaired")).isTrue();
        assertThat(Targets.history(db)).containsExactly("1 BASELINE SUCCESS");
    }

    @Test
    void anEventMigratorHasNoCommandForIsRefusedNamingTheFile() throws IOException {
        TestDatabase db = databases.create(DatabaseKind.H2);
        write("beforeClean.sql", "SELECT 1;\n");
        write("V1__Create_t.sql", "CREATE TABLE t (id INT);\n");

        assertThatThrownBy(() -> migrator(db, "filesystem:" + dir).build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(dir.resolve("beforeClean.sql") + " is a Flyway beforeClean callback, which "
                        + "would never run: migrator has no clean command");
        assertThat(tableExists(db, "migrator_history")).isFalse();
    }

    @Test
    void aScriptConfigurationKeyWithoutEquivalentIsRefusedNamingFileAndLine() throws IOException {
        TestDatabase db = databases.create(DatabaseKind.H2);
        write("V1__Create_t.sql", "CREATE TABLE t (id INT);\n");
        write("V1__Create_t.sql.conf", "# comment\nexecuteInTransaction=false\nmixed=true\nshouldExecute=true\n");
        write("V2__Orphan.sql.conf", "encoding=UTF-8\n");

        assertThatThrownBy(() -> migrator(db, "filesystem:" + dir).build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(dir.resolve("V1__Create_t.sql.conf") + " line 3: 'mixed' is not a script "
                        + "configuration key migrator knows; the keys are executeInTransaction and encoding")
                .hasMessageContaining(dir.resolve("V1__Create_t.sql.conf") + " line 4: shouldExecute has no "
                        + "migrator equivalent")
                .hasMessageContaining(dir.resolve("V2__Orphan.sql.conf") + " configures V2__Orphan.sql, which is "
                        + "not in the location");
        assertThat(tableExists(db, "migrator_history")).isFalse();
    }

    @Test
    void checksumsAreTakenBeforeBuiltInPlaceholdersAreReplaced() throws IOException {
        TestDatabase db = databases.create(DatabaseKind.H2);
        write("V1__Stamp.sql", "CREATE TABLE stamp (at VARCHAR(30));\nINSERT INTO stamp VALUES ('${flyway:timestamp}');\n");
        migrator(db, "filesystem:" + dir).build().migrate();

        // Another run, at another time: the script's checksum is the same, so validation passes.
        migrator(db, "filesystem:" + dir).build().validate();

        assertThat(query(db, "SELECT at FROM stamp").get(0).get(0)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
