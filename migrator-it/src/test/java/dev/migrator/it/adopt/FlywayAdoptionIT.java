package dev.migrator.it.adopt;

import dev.migrator.api.ValidationException;
import dev.migrator.core.AdoptResult;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.core.RollbackResult;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adopting a history written by the real Flyway (13.12.2) on PostgreSQL and MariaDB: the same files, applied by
 * Flyway, then taken over by migrator.
 */
class FlywayAdoptionIT {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    /** What a Flyway project holds: versions 1, 1.1 and 2 (with CRLF line endings) and a repeatable view. */
    private void flywayProject() throws Exception {
        Files.writeString(dir.resolve("V1__Create_users.sql"),
                "-- the first table\nCREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL);\n");
        Files.writeString(dir.resolve("V1_1__Add_name.sql"), "ALTER TABLE users ADD name VARCHAR(100);\n");
        Files.writeString(dir.resolve("V2__Create_orders.sql"),
                "CREATE TABLE orders (\r\n  id INT PRIMARY KEY,\r\n  user_id INT NOT NULL\r\n);\r\n");
        Files.writeString(dir.resolve("R__Users_view.sql"),
                "CREATE OR REPLACE VIEW user_emails AS SELECT email FROM users;\n");
    }

    /** A database Flyway migrated with {@link #flywayProject()}'s files. */
    private TestDatabase migratedByFlyway(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        flywayProject();
        flyway(db, dir).load().migrate();
        return db;
    }

    /** migrator's next version, with its undo, added after the switch. */
    private void nextVersion() throws Exception {
        Files.writeString(dir.resolve("V3__Add_total.sql"), "ALTER TABLE orders ADD total INT;\n");
        Files.writeString(dir.resolve("U3__Add_total.sql"), "ALTER TABLE orders DROP COLUMN total;\n");
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(TestDatabase db, Path dir) {
        return Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("filesystem:" + dir).cleanDisabled(true);
    }

    private Migrator.Builder migrator(TestDatabase db) {
        return Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + dir);
    }

    private static List<String> info(Migrator m) {
        return m.info().stream().map(s -> (s.version() == null ? "R " + s.description() : s.version()) + " "
                + s.state()).toList();
    }

    private static List<List<String>> flywayRows(TestDatabase db, String table) {
        return db.query("SELECT installed_rank, version, type, checksum, success FROM " + table
                + " ORDER BY installed_rank");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void adoptMigrateRollback_andInfoShowsTheWholeStory(DatabaseKind kind) throws Exception {
        TestDatabase db = migratedByFlyway(kind);
        List<List<String>> flywayBefore = flywayRows(db, "flyway_schema_history");

        // tag::adopt[]
        Migrator migrator = Migrator.builder()
                .target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + dir)       // the same V1__, V1_1__, V2__, R__ files Flyway ran
                .build();
        AdoptResult adopted = migrator.adopt("flyway");
        // adopted.adopted(): [1, 1.1, 2, Users view]; adopted.versionAfter(): "2"
        // end::adopt[]

        assertThat(adopted.tool()).isEqualTo("flyway");
        assertThat(adopted.adopted()).containsExactly("1", "1.1", "2", "Users view");
        assertThat(adopted.versionAfter()).isEqualTo("2");
        assertThat(adopted.toJson()).contains("\"operation\":\"adopt\"", "\"adopted\":[\"1\",\"1.1\",\"2\"");

        nextVersion();
        MigrateResult next = migrator.migrate();
        assertThat(next.versionBefore()).isEqualTo("2");
        assertThat(next.applied()).extracting(a -> a.version()).containsExactly("3");
        // tag::info[]
        assertThat(info(migrator)).containsExactly("1 ADOPTED", "1.1 ADOPTED", "2 ADOPTED", "3 APPLIED",
                "R Users view ADOPTED");
        // end::info[]
        assertThat(migrator.info().get(0).installedOn()).isNotNull();

        RollbackResult undoThree = migrator.rollback(1);
        assertThat(undoThree.undone()).extracting(a -> a.version()).containsExactly("3");
        assertThat(undoThree.versionAfter()).isEqualTo("2");
        // As after any rollback, the repeatable is applied again: what it builds on may have changed.
        assertThat(info(migrator)).containsExactly("1 ADOPTED", "1.1 ADOPTED", "2 ADOPTED", "3 ROLLED_BACK",
                "3 PENDING", "R Users view PENDING");

        List<String> schema = LiveSchema.columns(db);
        // tag::undo[]
        RollbackResult undoAdoption = migrator.rollback(1);   // V3 was undone before: this step is the adoption
        assertThat(undoAdoption.undone()).extracting(a -> a.version()).containsExactly(null, "2", "1.1", "1");
        // end::undo[]
        assertThat(undoAdoption.versionAfter()).isNull();
        assertThat(LiveSchema.columns(db)).as("undoing the adoption runs nothing").isEqualTo(schema);
        assertThat(flywayRows(db, "flyway_schema_history")).as("Flyway's table is never written")
                .isEqualTo(flywayBefore);
        assertThat(info(migrator)).containsExactly("1 PENDING", "1.1 PENDING", "2 PENDING", "3 ROLLED_BACK",
                "3 PENDING", "R Users view PENDING");

        assertThat(migrator.adopt("flyway").adopted()).containsExactly("1", "1.1", "2", "Users view");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void aSecondAdoptionWritesNothing_andDoesNotFail(DatabaseKind kind) throws Exception {
        TestDatabase db = migratedByFlyway(kind);
        migrator(db).build().adopt("flyway");
        List<List<String>> history = db.query("SELECT * FROM migrator_history ORDER BY installed_rank");

        AdoptResult again = migrator(db).build().adopt("flyway");

        assertThat(again.adopted()).isEmpty();
        assertThat(again.versionAfter()).isEqualTo("2");
        assertThat(db.query("SELECT * FROM migrator_history ORDER BY installed_rank")).isEqualTo(history);
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void anEditedScriptIsRefused_butOtherLineEndingsAreNot(DatabaseKind kind) throws Exception {
        TestDatabase db = migratedByFlyway(kind);
        Files.writeString(dir.resolve("V1__Create_users.sql"), "-- the first table\r\n"
                + "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL);\r\n");
        Files.writeString(dir.resolve("V2__Create_orders.sql"),
                "CREATE TABLE orders (\n  id INT PRIMARY KEY,\n  user_id BIGINT NOT NULL\n);\n");

        assertThatThrownBy(() -> migrator(db).build().adopt("flyway"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("V2__Create_orders.sql (version 2) was changed after Flyway applied it")
                        .contains("Flyway recorded"))
                .hasMessageContaining("nothing was written");
        assertThat(LiveSchema.tableNames(db)).doesNotContain("migrator_history");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void aMissingScriptIsRefused(DatabaseKind kind) throws Exception {
        TestDatabase db = migratedByFlyway(kind);
        Files.delete(dir.resolve("V1_1__Add_name.sql"));

        assertThatThrownBy(() -> migrator(db).build().adopt("flyway"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("V1_1__Add_name.sql (version 1.1) was applied by Flyway")
                        .contains("restore the file"));
        assertThat(LiveSchema.tableNames(db)).doesNotContain("migrator_history");
    }

    /**
     * Flyway writes a failed row only where DDL commits implicitly: on PostgreSQL it rolls the failed script back
     * and records nothing (even without a transaction, it writes no row), so the story exists on MariaDB only.
     */
    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"MARIADB"})
    void aFailedFlywayRowIsRefused(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        flywayProject();
        Files.writeString(dir.resolve("V2__Create_orders.sql"), "CREATE TABLE orders (id INT PRIMARY KEY);\n"
                + "CREATE TABLE broken (id NO_SUCH_TYPE);\n");
        assertThatThrownBy(() -> flyway(db, dir).load().migrate()).isInstanceOf(FlywayException.class);
        assertThat(flywayRows(db, "flyway_schema_history")).extracting(r -> r.get(1) + " " + r.get(4))
                .contains("2 0");

        assertThatThrownBy(() -> migrator(db).build().adopt("flyway"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("V2__Create_orders.sql (version 2) failed when Flyway applied it")
                        .contains("flyway repair"));
        assertThat(LiveSchema.tableNames(db)).doesNotContain("migrator_history");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void versionsAtOrBelowFlywaysBaselineStayUnapplied(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        flywayProject();
        db.execute("CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL, name VARCHAR(100))");
        flyway(db, dir).baselineOnMigrate(true).baselineVersion("1.1").load().migrate();

        AdoptResult adopted = migrator(db).build().adopt("flyway");

        assertThat(adopted.adopted()).containsExactly("2", "Users view");
        assertThat(info(migrator(db).build())).containsExactly("1 IGNORED", "1.1 BASELINE", "2 ADOPTED",
                "R Users view ADOPTED");
        nextVersion();
        assertThat(migrator(db).build().migrate().applied()).extracting(a -> a.version()).containsExactly("3");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void adoptOnMigrate_switchesOnTheFirstBoot_andLaterBootsOnlyMigrate(DatabaseKind kind) throws Exception {
        TestDatabase db = migratedByFlyway(kind);
        nextVersion();

        // tag::adopt-on-migrate[]
        Migrator migrator = Migrator.builder()
                .target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + dir)
                .adoptOnMigrate("flyway")            // the one line a Flyway application adds
                .build();
        MigrateResult first = migrator.migrate();    // adopts Flyway's history, then applies V3
        // end::adopt-on-migrate[]
        MigrateResult second = migrator.migrate();

        assertThat(first.versionBefore()).isEqualTo("2");
        assertThat(first.applied()).extracting(a -> a.version()).containsExactly("3");
        assertThat(second.applied()).isEmpty();
        assertThat(info(migrator(db).build())).containsExactly("1 ADOPTED", "1.1 ADOPTED", "2 ADOPTED", "3 APPLIED",
                "R Users view ADOPTED");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void adoptOnMigrate_onADatabaseFlywayNeverTouched_justMigrates(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        flywayProject();

        MigrateResult first = migrator(db).adoptOnMigrate("flyway").build().migrate();

        assertThat(first.applied()).extracting(a -> a.script()).containsExactly("V1__Create_users.sql",
                "V1_1__Add_name.sql", "V2__Create_orders.sql", "R__Users_view.sql");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void anotherTableIsNamed_asForFlywaysOldSchemaVersion(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        flywayProject();
        flyway(db, dir).table("schema_version").load().migrate();

        assertThatThrownBy(() -> migrator(db).build().adopt("flyway"))
                .hasMessageContaining("no table named flyway_schema_history");
        AdoptResult adopted = migrator(db).build().adopt("flyway", "schema_version");

        assertThat(adopted.table()).isEqualTo("schema_version");
        assertThat(adopted.adopted()).containsExactly("1", "1.1", "2", "Users view");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void aRepeatableChangedSinceFlywayRanIt_isAppliedAgainByTheNextMigrate(DatabaseKind kind) throws Exception {
        TestDatabase db = migratedByFlyway(kind);
        Files.writeString(dir.resolve("R__Users_view.sql"),
                "CREATE OR REPLACE VIEW user_emails AS SELECT email, id FROM users;\n");

        migrator(db).build().adopt("flyway");
        MigrateResult next = migrator(db).build().migrate();

        assertThat(next.applied()).extracting(a -> a.script()).containsExactly("R__Users_view.sql");
    }
}
