package dev.migrator.docs;

import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.ValidationException;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.MigrationState;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.core.RepairResult;
import dev.migrator.docs.gettingstarted.DatabaseSetup;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.migrator.docs.Fixtures.copy;
import static dev.migrator.docs.Fixtures.execute;
import static dev.migrator.docs.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** docs/getting-started.md, step by step, against H2. */
class GettingStartedIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void migrateAtBoot_appliesEverythingOnce_andThenNothing() {
        DataSource dataSource = databases.create(DatabaseKind.H2).dataSource();

        MigrateResult first = DatabaseSetup.migrateDatabase(dataSource);
        MigrateResult second = DatabaseSetup.migrateDatabase(dataSource);

        assertThat(first.applied()).extracting(m -> m.script()).containsExactly("V1__Create_accounts.sql",
                "V2__Add_iban.sql", "db.migration.V3__Backfill_ibans", "R__Account_view.sql");
        assertThat(first.versionAfter()).isEqualTo("3");
        assertThat(second.applied()).isEmpty();
        assertThat(second.versionBefore()).isEqualTo("3");
    }

    @Test
    void info_listsPendingMigrations_untilMigrateAppliesThem() {
        DataSource dataSource = databases.create(DatabaseKind.H2).dataSource();
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(dataSource)).build();

        assertThat(pending(migrator)).extracting(MigrationStatus::description)
                .containsExactly("Create accounts", "Add iban", "Backfill ibans", "Account view");
        migrator.migrate();
        assertThat(pending(migrator)).isEmpty();
    }

    private static List<MigrationStatus> pending(Migrator migrator) {
        // tag::info[]
        List<MigrationStatus> pending = migrator.info().stream()
                .filter(status -> status.state() == MigrationState.PENDING)
                .toList();
        // end::info[]
        return pending;
    }

    @RepeatedTest(5)
    @Timeout(60)
    void severalInstancesBootingAtOnce_applyEachMigrationExactlyOnce() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        // The previous release applied version 1; the next one boots on four instances at once.
        migrator(db, "classpath:db/rolling-deploy").migrateTo("1");

        List<MigrateResult> results = bootAtOnce(4, () -> migrator(db, "classpath:db/rolling-deploy").migrate());

        assertThat(results).extracting(r -> r.applied().size()).containsExactlyInAnyOrder(2, 0, 0, 0);
        assertThat(results).extracting(MigrateResult::versionAfter).containsOnly("3");
        assertThat(query(db, "SELECT count FROM visits WHERE page = '/'")).containsExactly("1");
        assertThat(query(db, "SELECT version, action, outcome FROM \"migrator_history\" ORDER BY installed_rank"))
                .containsExactly("1 APPLY STARTED", "1 APPLY SUCCESS", "2 APPLY SUCCESS", "3 APPLY SUCCESS");
    }

    @RepeatedTest(50)
    @Timeout(60)
    void severalInstancesBootingAtOnce_onAnEmptyDatabase_applyEachMigrationExactlyOnce() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);

        List<MigrateResult> results = bootAtOnce(4, () -> DatabaseSetup.migrateDatabase(db.dataSource()));

        assertThat(results).extracting(r -> r.applied().size()).containsExactlyInAnyOrder(4, 0, 0, 0);
    }

    private static Migrator migrator(TestDatabase db, String location) {
        return Migrator.builder().target(JdbcTarget.of(db.dataSource())).locations(location).build();
    }

    /** Runs {@code boot} on {@code instances} threads at the same moment, as separate JVMs would boot. */
    private static List<MigrateResult> bootAtOnce(int instances, Callable<MigrateResult> boot) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<MigrateResult>> futures = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return boot.call();
                }));
            }
            start.countDown();
            List<MigrateResult> results = new ArrayList<>();
            for (Future<MigrateResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failedMigration_whoseDdlStayed_resumesOnceTheFailingStatementIsFixed(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        copy("db/failing-migration", dir);
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(db.dataSource()))
                .locations("filesystem:" + dir).build();

        MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class, migrator::migrate);

        assertThat(failure.getMessage())
                .startsWith("V2__Add_customer_email.sql (version 2) failed at line 4 (statement 2): "
                        + "Table \"CUSTOMER\" not found")
                .contains("\n  Statement: UPDATE customer SET email = 'unknown@example.com'\n")
                .endsWith("\n  Part of it stayed applied (the database could not roll it back; statement 1 of 2 was "
                        + "committed; statement 2 failed at line 4), so it is recorded as FAILED with its progress. Fix statement 2 (line 4) and "
                        + "migrate again: it resumes at statement 2, after checking that the committed statements are "
                        + "unchanged. Or resolve it by hand: run repair() if you undid its changes (it runs again from "
                        + "the start), or markApplied(\"2\", \"<reason>\") if you finished it.");
        assertThat(failure.version()).isEqualTo("2");
        assertThat(failure.line()).isEqualTo(4);
        assertThat(failure.leftChanges()).isTrue();
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 FAILED");
        assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Validation failed; nothing was run:")
                .hasMessageContaining("fix statement 2 (line 4), which failed, and migrate again: it resumes at "
                        + "statement 2 (statements 1-1 stay committed)");

        // The author fixes the typo; the ALTER that stayed committed is left as it is.
        Path v2 = dir.resolve("V2__Add_customer_email.sql");
        Files.writeString(v2, Files.readString(v2).replace("UPDATE customer ", "UPDATE customers "));
        // tag::resume-after-failure[]
        migrator.migrate();   // runs statement 2 onwards; statement 1 is committed already
        // end::resume-after-failure[]

        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 APPLIED");
    }

    @Test
    void failedMigration_undoneByHand_isRepaired_andRunsAgainFromTheStart(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        copy("db/failing-migration", dir);
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(db.dataSource()))
                .locations("filesystem:" + dir).build();
        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class);

        // The operator undoes what stayed applied and fixes the typo.
        execute(db, "ALTER TABLE customers DROP COLUMN email");
        Path v2 = dir.resolve("V2__Add_customer_email.sql");
        Files.writeString(v2, Files.readString(v2).replace("UPDATE customer ", "UPDATE customers "));

        // tag::repair-after-failure[]
        RepairResult repaired = migrator.repair();   // clears the FAILED entry
        migrator.migrate();                          // applies version 2 again, from its first statement
        // end::repair-after-failure[]

        assertThat(repaired.clearedFailures()).containsExactly("2");
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 APPLIED");
    }

    @Test
    void failedMigration_thatTheDatabaseRolledBack_isPendingAgain(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        copy("db/failing-migration", dir);
        Path v2 = dir.resolve("V2__Add_customer_email.sql");
        // Data only, no DDL: H2 can roll all of it back.
        Files.writeString(v2, "INSERT INTO customers (id, name) VALUES (1, 'Ada');\n"
                + "INSERT INTO customers (id, name) VALUES (1, 'Grace');\n");
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(db.dataSource()))
                .locations("filesystem:" + dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class)
                .hasMessageStartingWith("V2__Add_customer_email.sql (version 2) failed at line 2 (statement 2)")
                .hasMessageEndingWith("Its transaction was rolled back and nothing was left behind: fix the script "
                        + "and migrate again.");

        assertThat(query(db, "SELECT COUNT(*) FROM customers")).containsExactly("0");
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 PENDING");
        assertThat(query(db, "SELECT version, outcome FROM \"migrator_history\" WHERE version = '2'"))
                .containsExactly("2 REVERTED");
    }
}
