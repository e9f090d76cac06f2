package dev.migrator.core;

import dev.migrator.api.LockTimeoutException;
import dev.migrator.api.MigrationListener;
import dev.migrator.api.spi.TargetSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.migrator.core.MigrationEngineTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wait for another instance's lock keeps time by the engine's clock (the one {@link TargetSettings} carries), so a
 * test drives a wait of minutes to its end in milliseconds: the clock below moves when the wait pauses.
 */
class LockWaitClockTest {
    private final FakeTarget target = new FakeTarget();
    private final SteppingClock clock = new SteppingClock();

    @TempDir
    Path dir;

    @Test
    void aLockHeldLongerThanLockTimeout_failsWithWhatToDo_afterLockTimeoutOnTheEnginesClock() {
        holdLock(Duration.ofMinutes(10));
        Migrator waiting = Migrator.builder().target(target).locations("filesystem:" + dir)
                .migrations(step("1", "one", 0)).lockTimeout(Duration.ofSeconds(30)).clock(clock).build();

        assertThatThrownBy(waiting::migrate).isInstanceOfSatisfying(LockTimeoutException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("Another instance held the migration lock on fake database for "
                    + "longer than lockTimeout (30 s); nothing was changed. If an instance is still migrating, let it "
                    + "finish or raise lockTimeout(...). A crashed holder's lease expires 30 s after it stopped.");
            assertThat(e.waited()).isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(target.applied()).isEmpty();
        assertThat(clock.slept()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aHolderWhoseLeaseRunsOut_isTakenOver_andTheWaitIsReportedInTheClocksTime() {
        holdLock(Duration.ofSeconds(45));
        List<Duration> waits = new CopyOnWriteArrayList<>();
        List<Duration> notices = new CopyOnWriteArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void onLockWait(String on, Duration waited) {
                notices.add(waited);
            }

            @Override
            public void afterLockWait(String on, Duration waited) {
                waits.add(waited);
            }
        };
        Migrator waiting = Migrator.builder().target(target).locations("filesystem:" + dir)
                .migrations(step("1", "one", 0)).lockTimeout(Duration.ofMinutes(2)).listener(listener).clock(clock)
                .build();

        assertThat(waiting.migrate().applied()).extracting(AppliedMigration::version).containsExactly("1");
        assertThat(target.applied()).containsExactly("one");
        // Taken at the first poll after the lease ran out: polls are at most 1 s apart, plus a fifth of jitter.
        assertThat(waits).singleElement().satisfies(w -> assertThat(w)
                .isBetween(Duration.ofSeconds(45), Duration.ofMillis(46_200)));
        // One notice when the wait begins, then at most one per second of the clock, not one per poll.
        assertThat(notices.get(0)).isEqualTo(Duration.ZERO);
        assertThat(notices).hasSizeBetween(30, 46);
    }

    /** Another instance takes the lock, as of the test clock's now, for {@code lease}. */
    private void holdLock(Duration lease) {
        assertThat(((dev.migrator.api.spi.LeaseLock) target.open(new TargetSettings(null, "history", "lock", clock))
                .lock()).tryAcquire("other-instance", lease)).isTrue();
    }

    /** A clock that moves only when the lock wait pauses on it: no real sleep. */
    private static final class SteppingClock extends Clock implements Sleeper {
        private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
        private volatile Instant now = START;

        @Override
        public void sleep(long millis) {
            now = now.plusMillis(millis);
        }

        Duration slept() {
            return Duration.between(START, now);
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
