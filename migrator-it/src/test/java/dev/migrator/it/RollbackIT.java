package dev.migrator.it;

import dev.migrator.api.IrreversibleMigrationException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.ValidationException;
import dev.migrator.core.Migrator;
import dev.migrator.core.RollbackResult;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.migrator.it.Targets.history;
import static dev.migrator.it.Targets.historyDump;
import static dev.migrator.it.Targets.migrator;
import static dev.migrator.it.Targets.query;
import static dev.migrator.it.Targets.schemaDump;
import static dev.migrator.it.Targets.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** rollback(count) and rollbackTo(version) on every relational database. */
class RollbackIT {
    private static final String BASIC = "classpath:db/rollback/basic";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rollbackOne_undoesTheNewestMigration_andInfoShowsItRolledBackAndPending(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Migrator migrator = migrator(db, BASIC).build();
        migrator.migrate();

        RollbackResult result = migrator.rollback(1);

        assertThat(result.undone()).extracting(m -> m.version()).containsExactly("4");
        assertThat(result.versionBefore()).isEqualTo("4");
        assertThat(result.versionAfter()).isEqualTo("3");
        assertThat(query(db, "SELECT COUNT(*) FROM orders")).containsExactly(List.of("0"));
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 APPLIED", "3 APPLIED", "4 ROLLED_BACK", "4 PENDING");
        assertThat(history(db)).endsWith("4 APPLY SUCCESS", "4 UNDO SUCCESS");
        assertThat(result.toJson()).contains("\"operation\":\"rollback\"", "\"version\":\"4\"");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rollbackPlan_showsTheDownsThatWouldRun_withoutChangingAnything(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Migrator migrator = migrator(db, BASIC).build();
        migrator.migrate();
        List<List<String>> historyBefore = historyDump(db);

        var plan = migrator.rollbackPlanTo("1");

        assertThat(plan.migrations()).extracting(m -> m.version() + " " + m.script())
                .containsExactly("4 U4__Seed_orders.sql", "3 db.rollback.basic.V3__Create_audit", "2 U2__Add_total.sql");
        assertThat(plan.migrations().get(0).statements()).containsExactly("DELETE FROM orders WHERE id IN (1, 2)");
        assertThat(plan.toSql()).contains("-- version 2: Add total (U2__Add_total.sql)");
        assertThat(historyDump(db)).isEqualTo(historyBefore);
        assertThat(migrator.rollbackPlan(1).migrations()).extracting(m -> m.version()).containsExactly("4");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rollbackTo_aMiddleVersion_undoesEverythingNewer_includingAJavaMigration(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Migrator migrator = migrator(db, BASIC).build();
        migrator.migrate();

        RollbackResult result = migrator.rollbackTo("1");

        assertThat(result.undone()).extracting(m -> m.version() + " " + m.type())
                .containsExactly("4 SQL", "3 JAVA", "2 SQL");
        assertThat(tableExists(db, "audit")).isFalse();
        assertThat(schemaDump(db)).noneMatch(c -> c.toLowerCase().startsWith("orders.total"));
        assertThat(history(db)).endsWith("4 UNDO SUCCESS", "3 UNDO SUCCESS", "2 UNDO SUCCESS");
        assertThat(result.versionAfter()).isEqualTo("1");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void migrateAfterRollback_reappliesWhatWasUndone(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Migrator migrator = migrator(db, BASIC).build();
        migrator.migrate();
        migrator.rollbackTo("2");

        var result = migrator.migrate();

        assertThat(result.applied()).extracting(m -> m.version()).containsExactly("3", "4");
        assertThat(query(db, "SELECT COUNT(*) FROM orders")).containsExactly(List.of("2"));
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 APPLIED", "3 APPLIED", "4 APPLIED");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void repeatables_areNotUndone_butReappliedByTheNextMigrate(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Migrator migrator = migrator(db, "classpath:db/basic").build();
        migrator.migrate();

        RollbackResult result = migrator.rollback(1);

        assertThat(result.undone()).extracting(m -> m.version()).containsExactly("2");
        assertThat(query(db, "SELECT COUNT(*) FROM user_names")).containsExactly(List.of("2"));
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "1.1 APPLIED", "2 ROLLED_BACK", "2 PENDING", "null PENDING");
        assertThat(migrator.migrate().applied()).extracting(m -> m.script())
                .containsExactly("db.basic.V2__Backfill_emails", "R__User_names.sql");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rollbackAcrossAnIrreversibleMigration_changesNothing(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Migrator migrator = migrator(db, "classpath:db/rollback/irreversible-middle").build();
        migrator.migrate();
        List<String> schemaBefore = schemaDump(db);
        List<List<String>> historyBefore = historyDump(db);

        assertThatThrownBy(() -> migrator.rollbackTo("1"))
                .isInstanceOf(IrreversibleMigrationException.class)
                .hasMessageContaining("version 2 on the path has no down migration")
                .satisfies(e -> assertThat(((IrreversibleMigrationException) e).versions()).containsExactly("2"));

        assertThat(schemaDump(db)).isEqualTo(schemaBefore);
        assertThat(historyDump(db)).isEqualTo(historyBefore);
        assertThat(migrator.info()).filteredOn(s -> s.version().equals("2")).singleElement()
                .satisfies(s -> assertThat(s.reversible()).isFalse());
        assertThat(migrator.rollback(1).undone()).extracting(m -> m.version()).containsExactly("3");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rollbackWhenAnAppliedScriptWasEdited_isRefusedAndChangesNothing(DatabaseKind kind, @TempDir Path dir)
            throws Exception {
        TestDatabase db = databases.create(kind);
        Files.writeString(dir.resolve("V1__A.sql"), "CREATE TABLE a (id INT);");
        Files.writeString(dir.resolve("U1__A.sql"), "DROP TABLE a;");
        Files.writeString(dir.resolve("V2__B.sql"), "CREATE TABLE b (id INT);");
        Files.writeString(dir.resolve("U2__B.sql"), "DROP TABLE b;");
        Migrator migrator = migrator(db, "filesystem:" + dir).build();
        migrator.migrate();
        Files.writeString(dir.resolve("V2__B.sql"), "CREATE TABLE b (id INT, name VARCHAR(10));");
        List<List<String>> historyBefore = historyDump(db);

        assertThatThrownBy(() -> migrator.rollback(1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("V2__B.sql (version 2) changed since it was applied");

        assertThat(tableExists(db, "b")).isTrue();
        assertThat(historyDump(db)).isEqualTo(historyBefore);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rollbackBeyondWhatIsApplied_orToAnUnappliedVersion_isRefused(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Migrator migrator = migrator(db, BASIC).build();
        migrator.migrateTo("2");

        assertThatThrownBy(() -> migrator.rollback(3)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("only 2 versioned migrations are applied");
        assertThatThrownBy(() -> migrator.rollbackTo("4")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("version 4 is not applied");
        assertThat(history(db)).containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void failingDown_stopsTheRollback_andRecordsEachStepTruthfully(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        Migrator migrator = migrator(db, "classpath:db/rollback/failing-down").build();
        migrator.migrate();

        assertThatThrownBy(() -> migrator.rollbackTo("1"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Undoing U2__Create_tags.sql")
                .hasMessageContaining("at line 2 (statement 2)")
                .satisfies(e -> assertThat(((MigrationFailedException) e).line()).isEqualTo(2));

        // Version 3 was undone before the failure, and stays undone.
        assertThat(tableExists(db, "notes")).isFalse();
        if (!Targets.transactionalDdl(kind)) {
            // DROP TABLE labels committed before the failing statement: part of the down stayed applied.
            assertThat(history(db)).endsWith("3 UNDO SUCCESS", "2 UNDO FAILED");
            assertThat(tableExists(db, "labels")).isFalse();
            assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("run repair()");
            Targets.execute(db, "DROP TABLE tags");
            assertThat(migrator.repair().clearedFailures()).containsExactly("2");
        } else {
            assertThat(history(db)).endsWith("3 UNDO SUCCESS", "2 UNDO REVERTED");
            assertThat(tableExists(db, "labels")).isTrue();
            assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                    .containsExactly("1 APPLIED", "2 APPLIED", "3 ROLLED_BACK", "3 PENDING");
        }
    }
}
