package dev.migrator.it.zerodowntime;

import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17 item 1: an ALTER TABLE that waits behind a long transaction queues every query of the application behind
 * it. With a lock timeout the migration gives up after it, lets the queue drain, and tries again; without one the
 * application is blocked for the whole wait. Both figures are printed.
 */
class LockTimeoutRetryIT {
    private static final long HELD_MILLIS = 3_000;
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(1);

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    @Timeout(90)
    void alterBehindALongTransaction_timesOutRetriesAndSucceeds_whileTheApplicationWaitsAtMostTheTimeout(
            DatabaseKind kind) throws Exception {
        long withTimeout = worstApplicationLatency(databases.create(kind), LOCK_TIMEOUT, "with");
        long without = worstApplicationLatency(databases.create(kind), Duration.ZERO, "without");

        System.out.printf("%s: worst application query latency while an ALTER waited %d ms for a lock: %d ms with "
                + "a %d ms lock timeout and retries, %d ms without%n", kind, HELD_MILLIS, withTimeout,
                LOCK_TIMEOUT.toMillis(), without);
        assertThat(withTimeout).isLessThan(LOCK_TIMEOUT.toMillis() + 1_000);
        assertThat(without).isGreaterThan(HELD_MILLIS - 1_000);
    }

    private long worstApplicationLatency(TestDatabase db, Duration lockTimeout, String label) throws Exception {
        Path set = Files.createDirectories(dir.resolve(label));
        Files.writeString(set.resolve("V1__Accounts.sql"), "CREATE TABLE accounts (id INT PRIMARY KEY);\n"
                + "INSERT INTO accounts (id) VALUES (1);\n");
        Migrator.Builder builder = Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + set).ddlLockTimeout(lockTimeout).ddlRetries(10);
        builder.build().migrate();
        Files.writeString(set.resolve("V2__Add_note.sql"), "ALTER TABLE accounts ADD COLUMN note VARCHAR(100);\n");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong worst = new AtomicLong();
        try (Connection blocker = db.connect(); Connection app = db.connect()) {
            // An open transaction that read the table: the ALTER needs a lock this transaction's one conflicts with.
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM accounts")) {
                rs.next();
            }
            CompletableFuture<Void> application = CompletableFuture.runAsync(() -> query(app, stop, worst));
            CompletableFuture<MigrateResult> migration = CompletableFuture.supplyAsync(() -> builder.build().migrate());
            Thread.sleep(HELD_MILLIS);
            blocker.commit();

            assertThat(migration.get(60, TimeUnit.SECONDS).applied()).extracting(m -> m.version())
                    .containsExactly("2");
            stop.set(true);
            application.get(10, TimeUnit.SECONDS);
        }
        return worst.get();
    }

    /** The application: a query on the table every 10 ms, recording the slowest. */
    private static void query(Connection app, AtomicBoolean stop, AtomicLong worst) {
        try (Statement s = app.createStatement()) {
            while (!stop.get()) {
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM accounts")) {
                    rs.next();
                }
                worst.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
