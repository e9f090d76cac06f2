package dev.migrator.it;

import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.ValidationException;
import dev.migrator.core.MigrationState;
import dev.migrator.core.Migrator;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.migrator.it.Targets.allHistory;
import static dev.migrator.it.Targets.history;
import static dev.migrator.it.Targets.migrator;
import static dev.migrator.it.Targets.query;
import static dev.migrator.it.Targets.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a failing migration leaves, database by database, and how to recover. */
class FailureIT {
    private static final String SECOND = "CREATE TABLE second_table (id INT PRIMARY KEY);\n"
            + "INSERT INTO second_table (id) VALUES (1);\n"
            + "-- the next statement refers to a table that does not exist\n"
            + "INSERT INTO missing_table (id) VALUES (1);\n";

    private static final String FIXED = "CREATE TABLE second_table (id INT PRIMARY KEY);\n"
            + "INSERT INTO second_table (id) VALUES (1);\n"
            + "INSERT INTO second_table (id) VALUES (2);\n";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void failingMigrationOnPostgres_leavesNothingBehind_andIsPendingAgainUntilFixed(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Files.writeString(dir.resolve("V1__First.sql"), "CREATE TABLE first_table (id INT PRIMARY KEY);");
        Files.writeString(dir.resolve("V2__Second.sql"), SECOND);
        Migrator migrator = migrator(db, "filesystem:" + dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V2__Second.sql (version 2) failed at line 4 (statement 3)")
                .hasMessageContaining("missing_table")
                .hasMessageContaining("Statement: INSERT INTO missing_table (id) VALUES (1)")
                .hasMessageContaining("nothing was left behind");

        assertThat(tableExists(db, "first_table")).isTrue();
        assertThat(tableExists(db, "second_table")).isFalse();
        assertThat(history(db)).containsExactly("1 APPLY SUCCESS", "2 APPLY REVERTED");
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 PENDING");

        Files.writeString(dir.resolve("V2__Second.sql"), FIXED);
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("2");
        assertThat(query(db, "SELECT COUNT(*) FROM second_table")).containsExactly(List.of("2"));
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"MARIADB", "H2"})
    void failingMigrationAfterDdl_isFailedUntilRepair_whereDdlCommitsAtOnce(DatabaseKind kind, @TempDir Path dir)
            throws Exception {
        TestDatabase db = databases.create(kind);
        Files.writeString(dir.resolve("V1__First.sql"), "CREATE TABLE first_table (id INT PRIMARY KEY);");
        Files.writeString(dir.resolve("V2__Second.sql"), SECOND);
        Migrator migrator = migrator(db, "filesystem:" + dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V2__Second.sql (version 2) failed at line 4 (statement 3)")
                .hasMessageContaining("recorded as FAILED")
                .satisfies(e -> assertThat(((MigrationFailedException) e).leftChanges()).isTrue());

        assertThat(tableExists(db, "second_table")).isTrue();
        assertThat(allHistory(db)).containsExactly("1 APPLY STARTED", "1 APPLY SUCCESS", "2 APPLY STARTED",
                "2 APPLY FAILED");
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 FAILED");
        assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class)
                .hasMessageContaining("V2__Second.sql (version 2) failed on")
                .hasMessageContaining("run repair() if you undid its changes");

        // A human undoes what the failed migration left, fixes the script, repairs and migrates.
        Targets.execute(db, "DROP TABLE second_table");
        Files.writeString(dir.resolve("V2__Second.sql"), SECOND.replace("missing_table", "second_table")
                .replace("INSERT INTO second_table (id) VALUES (1);\n-- the next", "-- the next"));
        assertThat(migrator.repair().clearedFailures()).containsExactly("2");
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("2");
        assertThat(history(db)).containsExactly("1 APPLY SUCCESS", "2 APPLY FAILED", "2 REPAIR SUCCESS",
                "2 APPLY SUCCESS");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void failingFirstStatement_leavesNothing_evenWhereDdlCommitsAtOnce(DatabaseKind kind, @TempDir Path dir)
            throws Exception {
        TestDatabase db = databases.create(kind);
        Files.writeString(dir.resolve("V1__Broken.sql"), "CREATE TABLE broken (id INT PRIMARY KEY,);\n");
        Migrator migrator = migrator(db, "filesystem:" + dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V1__Broken.sql (version 1) failed at line 1 (statement 1)")
                .satisfies(e -> assertThat(((MigrationFailedException) e).leftChanges()).isFalse());

        assertThat(history(db)).containsExactly("1 APPLY REVERTED");
        assertThat(migrator.info()).extracting(s -> s.state()).containsExactly(MigrationState.PENDING);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void runThatDiedMidway_leavesAStartedRowThatBlocksABlindRerun(DatabaseKind kind, @TempDir Path dir)
            throws Exception {
        TestDatabase db = databases.create(kind);
        Files.writeString(dir.resolve("V1__First.sql"), "CREATE TABLE first_table (id INT PRIMARY KEY);");
        Migrator migrator = migrator(db, "filesystem:" + dir).build();
        migrator.migrate();
        // What a process killed during a non-atomic V2 leaves: its STARTED row and no ending.
        Files.writeString(dir.resolve("V2__Second.sql"), "CREATE TABLE second_table (id INT PRIMARY KEY);");
        Targets.execute(db, "INSERT INTO " + Targets.historyTable(db) + " (installed_rank, version, description, "
                + "type, script, checksum, action, outcome, installed_on, execution_time) VALUES (99, '2', 'Second', "
                + "'SQL', 'V2__Second.sql', NULL, 'APPLY', 'STARTED', CURRENT_TIMESTAMP, 0)");

        assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class)
                .hasMessageContaining("V2__Second.sql (version 2) started on")
                .hasMessageContaining("never finished");

        migrator.repair();
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("2");
    }

    @Test
    void createIndexConcurrently_runsOutsideATransaction_withoutBeingTold(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Files.writeString(dir.resolve("V1__Table.sql"), "CREATE TABLE big (id INT PRIMARY KEY, code TEXT);");
        Files.writeString(dir.resolve("V2__Index.sql"), "CREATE INDEX CONCURRENTLY big_code_idx ON big (code);");
        Files.writeString(dir.resolve("V3__Vacuum.sql"), "-- migrator:transaction=false\nVACUUM big;");
        Migrator migrator = migrator(db, "filesystem:" + dir).build();

        assertThat(migrator.plan().migrations()).extracting(m -> m.version() + " " + m.transactional())
                .containsExactly("1 true", "2 false", "3 false");
        migrator.migrate();

        assertThat(query(db, "SELECT indexname FROM pg_indexes WHERE tablename = 'big' ORDER BY indexname"))
                .containsExactly(List.of("big_code_idx"), List.of("big_pkey"));
        assertThat(allHistory(db)).containsExactly("1 APPLY SUCCESS", "2 APPLY STARTED", "2 APPLY SUCCESS",
                "3 APPLY STARTED", "3 APPLY SUCCESS");
    }

    @Test
    void schemaSetting_createsTheSchema_andPutsItFirstOnTheSearchPath(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Files.writeString(dir.resolve("V1__Table.sql"), "CREATE TABLE accounts (id INT PRIMARY KEY);");
        Migrator migrator = migrator(db, "filesystem:" + dir).schema("billing").build();

        assertThat(migrator.plan().migrations()).hasSize(1);
        migrator.migrate();

        assertThat(query(db, "SELECT table_schema, table_name FROM information_schema.tables "
                + "WHERE table_schema = 'billing' ORDER BY table_name"))
                .containsExactly(List.of("billing", "accounts"), List.of("billing", "migrator_history"));
        assertThat(migrator.migrate().applied()).isEmpty();
    }
}
