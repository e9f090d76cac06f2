package dev.migrator.it.contract;

import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** baseline, migrateTo, outOfOrder, repair and markApplied on every target. */
class AdminContractIT {
    @TempDir
    Path dir;

    @ContractTest(quiet = false)
    void baseline_marksAnExistingSchema_andMigrateAppliesOnlyWhatIsAbove(TargetFixture f) throws Exception {
        f.execute(f.create("users"));
        f.write(dir, "V1__Create_users", f.create("users"));
        f.write(dir, "V1_1__Seed_users", f.insert("users", 1));
        f.write(dir, "V2__Create_orders", f.create("orders"));
        Migrator migrator = f.migrator(dir).build();

        migrator.baseline("1.1");
        MigrateResult result = migrator.migrate();

        assertThat(result.applied()).extracting(m -> m.version()).containsExactly("2");
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 IGNORED", "1.1 BASELINE", "2 APPLIED");
        assertThat(f.count("users")).isZero();
        assertThatThrownBy(() -> migrator.baseline("3")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("baseline only a database that migrator has never migrated");
    }

    @ContractTest
    void migrateTo_stopsAtTheVersion_andLeavesRepeatablesForLater(TargetFixture f) throws Exception {
        f.write(dir, "V1__One", f.create("one"));
        f.write(dir, "V1_1__Two", f.create("two"));
        f.write(dir, "V2__Three", f.create("three"));
        f.write(dir, "R__Fill", f.deleteAll("one"), f.insert("one", 1));

        MigrateResult result = f.migrator(dir).build().migrateTo("1.1");

        assertThat(result.applied()).extracting(m -> m.version()).containsExactly("1", "1.1");
        assertThat(f.migrator(dir).build().info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "1.1 APPLIED", "2 PENDING", "null PENDING");
        assertThat(f.tables()).containsExactly("one", "two");
    }

    @ContractTest(quiet = false)
    void outOfOrderMigration_isRefusedUnlessAllowed(TargetFixture f) throws Exception {
        f.write(dir, "V1__One", f.create("one"));
        f.write(dir, "V3__Three", f.create("three"));
        f.migrator(dir).build().migrate();
        f.write(dir, "V2__Two", f.create("two"));

        assertThatThrownBy(() -> f.migrator(dir).build().migrate()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("V2__Two" + f.target().scriptSuffix()
                        + " (version 2) is pending, but version 3 is already applied");
        assertThat(f.tables()).doesNotContain("two");

        f.migrator(dir).outOfOrder(true).build().migrate();
        assertThat(f.migrator(dir).outOfOrder(true).build().info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 OUT_OF_ORDER", "3 APPLIED");
    }

    @ContractTest(quiet = false)
    void markApplied_recordsWhatAnOperatorFinishedByHand_andItNeverRunsAgain(TargetFixture f) throws Exception {
        String suffix = f.target().scriptSuffix();
        f.write(dir, "V1__First", f.create("first_table"));
        Migrator migrator = f.migrator(dir).build();
        migrator.migrate();
        // A run killed during V2 left its STARTED row; an operator finished V2 by hand.
        f.write(dir, "V2__Second", f.create("second_table"));
        try (TargetSession session = f.open()) {
            session.history().append(new HistoryRecord(50, "2", "Second", suffix.substring(1).toUpperCase(Locale.ROOT),
                    "V2__Second" + suffix, null, HistoryRecord.Action.APPLY, HistoryRecord.Outcome.STARTED, "killed",
                    session.user(), "host", "dev", UUID.randomUUID().toString(), Instant.now(), 0, null, null, null,
                    null));
        }
        f.execute(f.create("second_table"));
        assertThatThrownBy(() -> migrator.markApplied("2", " ")).hasMessageContaining("say why");
        assertThatThrownBy(() -> migrator.markApplied("1", "why not")).isInstanceOf(ValidationException.class);

        migrator.markApplied("2", "finished by hand, ticket 42");

        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 APPLIED");
        assertThat(migrator.migrate().applied()).isEmpty();
        assertThat(f.historyRecords()).last().satisfies(r -> assertThat(r.note()).contains("ticket 42"));
    }
}
