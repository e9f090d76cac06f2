package dev.migrator.it.contract;

import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.core.MigrationState;
import dev.migrator.core.Migrator;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a failing migration leaves, and how to recover, on every target. The outcome follows what the target
 * declares for the script: an atomic one is taken back and PENDING again; a non-atomic one is FAILED until an
 * operator repairs it, or resumes where it stopped where the target can.
 */
class FailureContractIT {
    @TempDir
    Path dir;

    private static boolean atomic(TargetFixture f, String name, String text) {
        try (TargetSession session = f.open()) {
            return session.prepareScript(name, text).atomic();
        }
    }

    private static boolean resumes(TargetFixture f, String name, String text) {
        try (TargetSession session = f.open()) {
            Executable e = session.prepareScript(name, text);
            session.resume(e, 1);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    @ContractTest(quiet = false)
    void failingScript_isTakenBackIfAtomic_elseFailedUntilRepaired(TargetFixture f) throws Exception {
        String v2 = "V2__Second" + f.target().scriptSuffix();
        f.write(dir, "V1__First", f.create("first_table"));
        f.write(dir, "V2__Second", f.create("second_table"), f.insert("second_table", 1), f.failing());
        boolean atomic = atomic(f, v2, f.script(f.create("second_table"), f.insert("second_table", 1), f.failing()));
        Migrator migrator = f.migrator(dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining(v2 + " (version 2) failed at line")
                .hasMessageContaining("(statement 3)")
                .hasMessageContaining("Statement: ")
                .hasMessageContaining(atomic ? "nothing was left behind" : "recorded as FAILED")
                .satisfies(e -> assertThat(((MigrationFailedException) e).leftChanges()).isEqualTo(!atomic));

        assertThat(f.tables()).contains("first_table");
        if (atomic) {
            assertThat(f.history()).containsExactly("1 APPLY SUCCESS", "2 APPLY REVERTED");
            assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                    .containsExactly("1 APPLIED", "2 PENDING");
            if (!f.ddlRollsBack()) {
                f.execute(f.drop("second_table"));
            }
            assertThat(f.tables()).doesNotContain("second_table");
        } else {
            assertThat(f.tables()).contains("second_table");
            assertThat(f.history()).containsExactly("1 APPLY SUCCESS", "2 APPLY FAILED");
            assertThat(f.historyRecords()).filteredOn(r -> "2".equals(r.version())).extracting(r -> r.outcome())
                    .containsExactly(HistoryRecord.Outcome.STARTED, HistoryRecord.Outcome.FAILED);
            assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                    .containsExactly("1 APPLIED", "2 FAILED");
            assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class)
                    .hasMessageContaining(v2 + " (version 2) failed on")
                    .hasMessageContaining("run repair() if you undid its changes");
            // An operator undoes what the failed run left, and repairs.
            f.execute(f.drop("second_table"));
            assertThat(migrator.repair().clearedFailures()).containsExactly("2");
        }

        f.write(dir, "V2__Second", f.create("second_table"), f.insert("second_table", 1), f.insert("second_table", 2));
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("2");
        assertThat(f.count("second_table")).isEqualTo(2);
        assertThat(f.history()).containsExactly(atomic
                ? new String[]{"1 APPLY SUCCESS", "2 APPLY REVERTED", "2 APPLY SUCCESS"}
                : new String[]{"1 APPLY SUCCESS", "2 APPLY FAILED", "2 REPAIR SUCCESS", "2 APPLY SUCCESS"});
    }

    @ContractTest(quiet = false)
    void nonAtomicScript_resumesAfterWhatStayedCommitted_onceTheFailedStatementIsFixed(TargetFixture f)
            throws Exception {
        String v1 = "V1__Tables" + f.target().scriptSuffix();
        String text = f.script(f.create("a_table"), f.failing());
        f.write(dir, "V1__Tables", f.create("a_table"), f.failing());
        Migrator migrator = f.migrator(dir).build();
        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class);
        if (atomic(f, v1, text) && !f.ddlRollsBack()) {
            f.execute(f.drop("a_table"));
        }

        f.write(dir, "V1__Tables", f.create("a_table"), f.create("b_table"));

        if (!atomic(f, v1, text) && resumes(f, v1, text)) {
            assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("1");
            assertThat(f.tables()).containsExactly("a_table", "b_table");
        } else if (!atomic(f, v1, text)) {
            assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("run repair()");
        } else {
            assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("1");
        }
    }

    @ContractTest(quiet = false)
    void failingFirstStatement_leavesNothing_evenWhereDdlCommitsAtOnce(TargetFixture f) throws Exception {
        f.write(dir, "V1__Broken", f.failing(), f.create("broken"));
        Migrator migrator = f.migrator(dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V1__Broken" + f.target().scriptSuffix() + " (version 1) failed at line")
                .hasMessageContaining("(statement 1)")
                .satisfies(e -> assertThat(((MigrationFailedException) e).leftChanges()).isFalse());

        assertThat(f.history()).containsExactly("1 APPLY REVERTED");
        assertThat(migrator.info()).extracting(s -> s.state()).containsExactly(MigrationState.PENDING);
        assertThat(f.tables()).isEmpty();
    }

    @ContractTest(quiet = false)
    void runThatDiedMidway_leavesAStartedRowThatBlocksABlindRerun(TargetFixture f) throws Exception {
        String suffix = f.target().scriptSuffix();
        f.write(dir, "V1__First", f.create("first_table"));
        Migrator migrator = f.migrator(dir).build();
        migrator.migrate();
        // What a process killed during a non-atomic V2 leaves: its STARTED row and no ending.
        f.write(dir, "V2__Second", f.create("second_table"));
        try (TargetSession session = f.open()) {
            session.history().append(new HistoryRecord(99, "2", "Second", suffix.substring(1).toUpperCase(Locale.ROOT),
                    "V2__Second" + suffix, null, HistoryRecord.Action.APPLY, HistoryRecord.Outcome.STARTED, "killed",
                    session.user(), "host", "dev", UUID.randomUUID().toString(), Instant.now(), 0, null, null, null,
                    null));
        }

        assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class)
                .hasMessageContaining("V2__Second" + suffix + " (version 2) started on")
                .hasMessageContaining("never finished");

        migrator.repair();
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("2");
        assertThat(f.tables()).containsExactly("first_table", "second_table");
    }
}
