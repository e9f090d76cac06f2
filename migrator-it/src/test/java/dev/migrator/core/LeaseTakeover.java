package dev.migrator.core;

import dev.migrator.api.MigrationEvent;
import dev.migrator.api.MigrationListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The race the lease-fencing tests stage, on any target: engine A stalls at a migration (its listener waits) while
 * engine B takes the lease over and migrates; then A wakes. Used once per test.
 */
final class LeaseTakeover {
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch takenOver = new CountDownLatch(1);

    /** What the race left: B's result, and what A's migrate() threw (null when it did not). */
    record Outcome(MigrateResult second, Throwable lost) {
    }

    /** A's listener: stall before {@code version} runs, until B is done. */
    MigrationListener stallBefore(String version) {
        return new MigrationListener() {
            @Override
            public void beforeMigration(MigrationEvent event) {
                if (version.equals(event.version())) {
                    stall(() -> { });
                }
            }
        };
    }

    /** A's listener: after {@code version} ran, do {@code first} (move A's clock, say), then stall until B is done. */
    MigrationListener stallAfter(String version, Runnable first) {
        return new MigrationListener() {
            @Override
            public void afterMigration(MigrationEvent event) {
                if (version.equals(event.version())) {
                    stall(first);
                }
            }
        };
    }

    /** Starts A, runs B once A has stalled, then lets A go on and waits for it. */
    Outcome race(Migrator a, Migrator b) throws InterruptedException {
        CompletableFuture<MigrateResult> first = CompletableFuture.supplyAsync(a::migrate);
        stalled.await(30, TimeUnit.SECONDS);
        MigrateResult second = b.migrate();
        takenOver.countDown();
        Throwable thrown = catchThrowable(() -> first.get(30, TimeUnit.SECONDS));
        return new Outcome(second, thrown == null ? null : thrown.getCause());
    }

    private void stall(Runnable first) {
        first.run();
        stalled.countDown();
        try {
            takenOver.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock that runs {@code ahead} of the system's, and that the test moves forward. */
    static final class TestClock extends Clock {
        private final AtomicLong offsetMillis;

        TestClock(Duration ahead) {
            offsetMillis = new AtomicLong(ahead.toMillis());
        }

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
