package dev.migrator.it.contract;

import dev.migrator.api.LockTimeoutException;
import dev.migrator.api.LostLockException;
import dev.migrator.api.MigrationEvent;
import dev.migrator.api.MigrationListener;
import dev.migrator.api.spi.LeaseLock;
import dev.migrator.api.spi.SessionLock;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.core.ContractHooks;
import dev.migrator.core.AppliedMigration;
import dev.migrator.core.MigrateResult;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration lock on every target: instances exclude each other, a live holder makes the others time out, and a
 * dead one's lock never sticks (its session ends, or its lease runs out on the engine's clock).
 */
class LockContractIT {
    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @ContractTest(quiet = false)
    @Timeout(120)
    void instancesBootingTogether_applyEachMigrationExactlyOnce(TargetFixture f) throws Exception {
        for (int v = 1; v <= 3; v++) {
            f.write(dir, "V" + v + "__Table_" + v, f.create("t" + v), f.insert("t" + v, v));
        }
        int instances = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        List<Future<MigrateResult>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return f.migrator(dir).lockTimeout(Duration.ofSeconds(60)).build().migrate();
                }));
            }
            start.countDown();
            int applied = 0;
            for (Future<MigrateResult> run : runs) {
                applied += run.get(90, TimeUnit.SECONDS).applied().size();
            }
            assertThat(applied).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.history()).containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS", "3 APPLY SUCCESS");
        assertThat(f.count("t3")).isEqualTo(1);
    }

    @ContractTest(quiet = false)
    @Timeout(60)
    void lockHeldElsewhere_endsInLockTimeout_andChangesNothing(TargetFixture f) throws Exception {
        f.write(dir, "V1__One", f.create("one"));
        try (TargetSession holder = f.open()) {
            if (holder.lock() instanceof LeaseLock lease) {
                assertThat(lease.tryAcquire("live-holder", LEASE)).isTrue();
            } else {
                assertThat(((SessionLock) holder.lock()).tryAcquire()).isTrue();
            }

            assertThatThrownBy(() -> f.migrator(dir).lockTimeout(Duration.ofSeconds(1)).build().migrate())
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("held the migration lock")
                    .hasMessageContaining("longer than lockTimeout (1 s); nothing was changed")
                    .hasMessageContaining(holder.lock() instanceof LeaseLock
                            ? "A crashed holder's lease expires 30 s after it stopped" : "");
            assertThat(f.tables()).isEmpty();

            if (holder.lock() instanceof LeaseLock lease) {
                lease.release("live-holder");
            } else {
                ((SessionLock) holder.lock()).release();
            }
        }
        assertThat(f.migrator(dir).lockTimeout(Duration.ofSeconds(10)).build().migrate().applied()).hasSize(1);
    }

    @ContractTest(quiet = false)
    @Timeout(60)
    void deadHoldersLock_isFreed_whenItsSessionEnds_orItsLeaseRunsOut(TargetFixture f) throws Exception {
        f.write(dir, "V1__One", f.create("one"));
        TargetSession holder = f.open();
        try {
            MigrateResult result;
            if (holder.lock() instanceof LeaseLock lease) {
                assertThat(lease.tryAcquire("dead-holder", LEASE)).isTrue();
                // The holder never renews; the next instance's clock runs two leases ahead.
                Clock later = Clock.offset(Clock.systemUTC(), LEASE.multipliedBy(2));
                result = ContractHooks.clock(f.migrator(dir), later).lockTimeout(Duration.ofSeconds(10)).build()
                        .migrate();
            } else {
                assertThat(((SessionLock) holder.lock()).tryAcquire()).isTrue();
                f.endOtherSessions();
                result = f.migrator(dir).lockTimeout(Duration.ofSeconds(20)).build().migrate();
            }
            assertThat(result.applied()).extracting(m -> m.version()).containsExactly("1");
        } finally {
            holder.close();
        }
    }

    @ContractTest(quiet = false)
    @Timeout(60)
    void holderStalledPastItsLease_stopsBeforeItsNextMigration_andTheNextInstanceAppliesTheRestOnce(TargetFixture f)
            throws Exception {
        f.write(dir, "V1__One", f.create("one"));
        f.write(dir, "V2__Two", f.create("two"));
        MutableClock clock = new MutableClock();
        // After its first migration the holder "stalls" for two leases (a GC pause, SIGSTOP): its heartbeat, due every
        // 10 s of real time, has not run, so only the age of its last renewal on the engine's clock can tell.
        MigrationListener stall = new MigrationListener() {
            @Override
            public void afterMigration(MigrationEvent event) {
                clock.advance(LEASE.multipliedBy(2));
            }
        };
        // The default lease is LEASE (30 s).
        var stalled = ContractHooks.clock(f.migrator(dir), clock).listener(stall).build();

        if (f.leaseLocked()) {
            assertThatThrownBy(stalled::migrate).isInstanceOf(LostLockException.class)
                    .hasMessageContaining("it was last renewed 60000 ms ago, longer than the lease (30000 ms)")
                    .hasMessageContaining("stopped before running anything more and wrote no further history row");
            assertThat(f.history()).containsExactly("1 APPLY SUCCESS");
            assertThat(f.tables()).containsExactly("one");

            MigrateResult next = ContractHooks.clock(f.migrator(dir), clock).build().migrate();
            assertThat(next.applied()).extracting(AppliedMigration::version).containsExactly("2");
        } else {
            // A session lock is held by the session that does the work: no lease can run out under a stalled holder.
            assertThat(stalled.migrate().applied()).hasSize(2);
        }
        assertThat(f.history()).containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS");
        assertThat(f.tables()).containsExactly("one", "two");
    }

    /** A clock that follows no wall: a test moves it by hand, from now. */
    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
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
            return now;
        }
    }
}
