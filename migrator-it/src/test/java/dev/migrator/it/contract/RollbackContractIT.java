package dev.migrator.it.contract;

import dev.migrator.api.IrreversibleMigrationException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.core.Migrator;
import dev.migrator.core.MigrationPlan;
import dev.migrator.core.RollbackResult;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** rollback(count), rollbackTo(version) and their plans on every target. */
class RollbackContractIT {
    @TempDir
    Path dir;

    /** V1 orders, V2 items, V3 (Java) audit, V4 seeds, each with its down; R__ refills orders. */
    private Migrator basic(TargetFixture f) throws IOException {
        f.write(dir, "V1__Create_orders", f.create("orders"));
        f.write(dir, "U1__Create_orders", f.drop("orders"));
        f.write(dir, "V2__Create_items", f.create("items"));
        f.write(dir, "U2__Create_items", f.drop("items"));
        f.write(dir, "V4__Create_seeds", f.create("seeds"), f.insert("seeds", 1));
        f.write(dir, "U4__Create_seeds", f.drop("seeds"));
        f.write(dir, "R__Fill_orders", f.deleteAll("orders"), f.insert("orders", 1));
        Migrator migrator = f.migrator(dir).migrations(f.javaCreate("3", "audit")).build();
        migrator.migrate();
        return migrator;
    }

    @ContractTest
    void rollbackOne_undoesTheNewestMigration_andInfoShowsItRolledBackAndPending(TargetFixture f) throws Exception {
        Migrator migrator = basic(f);

        RollbackResult result = migrator.rollback(1);

        assertThat(result.undone()).extracting(m -> m.version()).containsExactly("4");
        assertThat(result.versionBefore()).isEqualTo("4");
        assertThat(result.versionAfter()).isEqualTo("3");
        assertThat(f.tables()).containsExactly("audit", "items", "orders");
        assertThat(f.count("orders")).isEqualTo(1);
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state()).containsExactly("1 APPLIED",
                "2 APPLIED", "3 APPLIED", "4 ROLLED_BACK", "4 PENDING", "null PENDING");
        assertThat(f.history()).endsWith("4 UNDO SUCCESS");
        assertThat(result.toJson()).contains("\"operation\":\"rollback\"", "\"version\":\"4\"");
        // Repeatables are not undone, but run again after a rollback.
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("4", null);
    }

    @ContractTest
    void rollbackPlan_showsTheDownsThatWouldRun_withoutChangingAnything(TargetFixture f) throws Exception {
        Migrator migrator = basic(f);
        var before = f.historyRecords();

        MigrationPlan plan = migrator.rollbackPlanTo("2");

        assertThat(plan.migrations()).extracting(m -> m.version() + " " + m.script())
                .containsExactly("4 U4__Create_seeds" + f.target().scriptSuffix(), "3 " + plan.migrations().get(1).script());
        assertThat(plan.migrations().get(0).statements()).hasSize(1);
        assertThat(plan.toSql()).contains("-- version 4: Create seeds (U4__Create_seeds" + f.target().scriptSuffix());
        assertThat(migrator.rollbackPlan(1).migrations()).extracting(m -> m.version()).containsExactly("4");
        assertThat(f.historyRecords()).isEqualTo(before);
        assertThat(f.tables()).contains("seeds");
    }

    @ContractTest
    void rollbackTo_undoesEverythingNewer_includingAJavaMigration_andMigrateReappliesIt(TargetFixture f)
            throws Exception {
        Migrator migrator = basic(f);

        RollbackResult result = migrator.rollbackTo("1");

        assertThat(result.undone()).extracting(m -> m.version() + " " + m.type())
                .containsExactly("4 " + type(f), "3 JAVA", "2 " + type(f));
        assertThat(result.versionAfter()).isEqualTo("1");
        assertThat(f.tables()).containsExactly("orders");
        assertThat(f.history()).endsWith("4 UNDO SUCCESS", "3 UNDO SUCCESS", "2 UNDO SUCCESS");
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("2", "3", "4", null);
        assertThat(f.count("orders")).isEqualTo(1);
    }

    private static String type(TargetFixture f) {
        return f.target().scriptSuffix().substring(1).toUpperCase(java.util.Locale.ROOT);
    }

    @ContractTest(quiet = false)
    void rollbackAcrossAnIrreversibleMigration_changesNothing(TargetFixture f) throws Exception {
        f.write(dir, "V1__Create_a", f.create("a"));
        f.write(dir, "U1__Create_a", f.drop("a"));
        f.write(dir, "V2__Create_b_without_down", f.create("b"));
        f.write(dir, "V3__Create_c", f.create("c"));
        f.write(dir, "U3__Create_c", f.drop("c"));
        Migrator migrator = f.migrator(dir).build();
        migrator.migrate();
        var before = f.historyRecords();

        assertThatThrownBy(() -> migrator.rollbackTo("1")).isInstanceOf(IrreversibleMigrationException.class)
                .hasMessageContaining("version 2 on the path has no down migration")
                .satisfies(e -> assertThat(((IrreversibleMigrationException) e).versions()).containsExactly("2"));

        assertThat(f.tables()).containsExactly("a", "b", "c");
        assertThat(f.historyRecords()).isEqualTo(before);
        assertThat(migrator.info()).filteredOn(s -> "2".equals(s.version())).singleElement()
                .satisfies(s -> assertThat(s.reversible()).isFalse());
        assertThat(migrator.rollback(1).undone()).extracting(m -> m.version()).containsExactly("3");
    }

    @ContractTest(quiet = false)
    void rollbackWhenAnAppliedScriptWasEdited_orBeyondWhatIsApplied_isRefused(TargetFixture f) throws Exception {
        String suffix = f.target().scriptSuffix();
        f.write(dir, "V1__A", f.create("a"));
        f.write(dir, "U1__A", f.drop("a"));
        f.write(dir, "V2__B", f.create("b"));
        f.write(dir, "U2__B", f.drop("b"));
        Migrator migrator = f.migrator(dir).build();
        migrator.migrate();
        var before = f.historyRecords();

        assertThatThrownBy(() -> migrator.rollback(3)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("only 2 versioned migrations are applied");
        assertThatThrownBy(() -> migrator.rollbackTo("4")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("version 4 is not applied");
        f.write(dir, "V2__B", f.create("b"), f.insert("b", 1));
        assertThatThrownBy(() -> migrator.rollback(1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("V2__B" + suffix + " (version 2) changed since it was applied");

        assertThat(f.tables()).containsExactly("a", "b");
        assertThat(f.historyRecords()).isEqualTo(before);
    }

    @ContractTest(quiet = false)
    void failingDown_stopsTheRollback_andRecordsEachStepTruthfully(TargetFixture f) throws Exception {
        String suffix = f.target().scriptSuffix();
        f.write(dir, "V1__Create_items", f.create("items"));
        f.write(dir, "U1__Create_items", f.drop("items"));
        f.write(dir, "V2__Create_tags", f.create("tags"), f.create("labels"));
        f.write(dir, "U2__Create_tags", f.drop("labels"), f.failing());
        f.write(dir, "V3__Create_notes", f.create("notes"));
        f.write(dir, "U3__Create_notes", f.drop("notes"));
        Migrator migrator = f.migrator(dir).build();
        migrator.migrate();
        boolean atomic;
        try (TargetSession session = f.open()) {
            atomic = session.prepareScript("U2__Create_tags" + suffix, f.script(f.drop("labels"), f.failing())).atomic();
        }

        assertThatThrownBy(() -> migrator.rollbackTo("1")).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Undoing U2__Create_tags" + suffix)
                .hasMessageContaining("(statement 2)");

        // Version 3 was undone before the failure, and stays undone.
        assertThat(f.tables()).doesNotContain("notes");
        if (atomic) {
            assertThat(f.history()).endsWith("3 UNDO SUCCESS", "2 UNDO REVERTED");
            assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                    .containsExactly("1 APPLIED", "2 APPLIED", "3 ROLLED_BACK", "3 PENDING");
            if (f.ddlRollsBack()) {
                assertThat(f.tables()).contains("labels");
            }
        } else {
            // The first statement of the down committed before the failing one: part of it stayed applied.
            assertThat(f.history()).endsWith("3 UNDO SUCCESS", "2 UNDO FAILED");
            assertThat(f.tables()).doesNotContain("labels");
            assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("run repair()");
            f.execute(f.drop("tags"));
            assertThat(migrator.repair().clearedFailures()).containsExactly("2");
        }
    }
}
