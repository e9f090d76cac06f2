package dev.migrator.core;

import dev.migrator.api.LostLockException;
import dev.migrator.api.MigrationEvent;
import dev.migrator.api.MigrationListener;
import dev.migrator.jdbc.JdbcContext;
import dev.migrator.jdbc.JdbcMigration;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue #13 item 3: lease locks are fenced. H2 has no session lock, so the migration lock is a lease row. These tests
 * drive time with the engine's clock (a package-private builder hook, hence this package) to stall a holder past its
 * lease between two migrations (where a real stall leaves no open transaction behind) while a second engine takes the
 * lease over, and check that the stalled holder runs nothing more and writes no history row: neither after it wakes
 * (its guard sees a renewal older than the lease) nor when a write was already on its way (the row is fenced by the
 * lease's owner in the same statement).
 */
class LeaseFencingIT {
    private static final Duration LEASE = Duration.ofSeconds(30);

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    @Timeout(60)
    void holderStalledPastItsLease_stopsBeforeItsNextMigration_andTheNewHolderAppliesTheRestOnce() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        db.execute("CREATE TABLE applied_log (entry VARCHAR(20))");
        MutableClock clock = new MutableClock();
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch takenOver = new CountDownLatch(1);
        // After its first migration, A "stalls" for two leases (a GC pause, SIGSTOP) while B takes the lease over.
        Migrator a = migrator(db, clock, after("1", () -> {
            clock.advance(LEASE.multipliedBy(2));
            stalled.countDown();
            takenOver.await(30, TimeUnit.SECONDS);
        }), new Step("1", ctx -> insert(ctx, "1 by A")), new Step("2", ctx -> insert(ctx, "2 by A")));
        Migrator b = migrator(db, clock, new MigrationListener() { }, new Step("1", ctx -> insert(ctx, "1 by B")),
                new Step("2", ctx -> insert(ctx, "2 by B")));

        CompletableFuture<MigrateResult> first = CompletableFuture.supplyAsync(a::migrate);
        stalled.await(30, TimeUnit.SECONDS);
        MigrateResult second = b.migrate();
        takenOver.countDown();
        Throwable lost = catchThrowable(() -> first.get(30, TimeUnit.SECONDS)).getCause();

        assertThat(second.applied()).extracting(AppliedMigration::version).containsExactly("2");
        assertThat(lost).isInstanceOf(LostLockException.class).hasMessageContaining("lease was lost")
                .hasMessageContaining("longer than the lease");
        assertThat(db.query("SELECT entry FROM applied_log ORDER BY entry"))
                .containsExactly(List.of("1 by A"), List.of("2 by B"));
        assertThat(history(db)).containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS");
    }

    @Test
    @Timeout(60)
    void historyRowInFlightWhenTheLeaseWasTakenOver_isRefusedByTheFence() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        db.execute("CREATE TABLE applied_log (entry VARCHAR(20))");
        // A's clock stands still, so its own guard sees a fresh lease; B's runs two leases ahead and finds A's expired.
        MutableClock clockOfA = new MutableClock();
        MutableClock clockOfB = new MutableClock();
        clockOfB.advance(LEASE.multipliedBy(2));
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch takenOver = new CountDownLatch(1);
        Migrator a = migrator(db, clockOfA, before("2", () -> {
            stalled.countDown();
            takenOver.await(30, TimeUnit.SECONDS);
        }), new Step("1", ctx -> insert(ctx, "1 by A")), new Step("2", ctx -> insert(ctx, "2 by A")));
        Migrator b = migrator(db, clockOfB, new MigrationListener() { }, new Step("1", ctx -> insert(ctx, "1 by B")),
                new Step("2", ctx -> insert(ctx, "2 by B")));

        CompletableFuture<MigrateResult> first = CompletableFuture.supplyAsync(a::migrate);
        stalled.await(30, TimeUnit.SECONDS);
        MigrateResult second = b.migrate();
        takenOver.countDown();
        Throwable lost = catchThrowable(() -> first.get(30, TimeUnit.SECONDS)).getCause();

        assertThat(second.applied()).extracting(AppliedMigration::version).containsExactly("2");
        assertThat(lost).isInstanceOf(LostLockException.class).hasMessageContaining("was taken over")
                .hasMessageContaining("history row for");
        // A's second step ran, but its row was refused in the same statement and its transaction rolled back.
        assertThat(db.query("SELECT entry FROM applied_log ORDER BY entry"))
                .containsExactly(List.of("1 by A"), List.of("2 by B"));
        assertThat(history(db)).containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS");
    }

    private static MigrationListener after(String version, Pause pause) {
        return new MigrationListener() {
            @Override
            public void afterMigration(MigrationEvent event) {
                if (version.equals(event.version())) {
                    pause.run();
                }
            }
        };
    }

    private static MigrationListener before(String version, Pause pause) {
        return new MigrationListener() {
            @Override
            public void beforeMigration(MigrationEvent event) {
                if (version.equals(event.version())) {
                    pause.run();
                }
            }
        };
    }

    @FunctionalInterface
    private interface Pause {
        void await() throws InterruptedException;

        default void run() {
            try {
                await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Migrator migrator(TestDatabase db, Clock clock, MigrationListener listener, Step... steps) {
        return Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("classpath:db/lease-fencing").migrations(steps).clock(clock).lease(LEASE)
                .listener(listener).lockTimeout(Duration.ofSeconds(20)).build();
    }

    private static List<String> history(TestDatabase db) {
        return db.query("SELECT version, action, outcome FROM \"migrator_history\" WHERE outcome <> 'STARTED' "
                + "ORDER BY installed_rank").stream().map(r -> String.join(" ", r)).toList();
    }

    private static void insert(JdbcContext ctx, String entry) throws Exception {
        try (Statement s = ctx.connection().createStatement()) {
            s.execute("INSERT INTO applied_log VALUES ('" + entry + "')");
        }
    }

    /** A Java migration of the given version whose body the test writes. */
    private record Step(String version, Body body) implements JdbcMigration {
        @Override
        public void up(JdbcContext context) throws Exception {
            body.run(context);
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public String description() {
            return "step " + version;
        }
    }

    @FunctionalInterface
    private interface Body {
        void run(JdbcContext context) throws Exception;
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {
        private final AtomicLong offsetMillis = new AtomicLong();

        void advance(Duration d) {
            offsetMillis.addAndGet(d.toMillis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plusMillis(offsetMillis.get());
        }
    }
}
