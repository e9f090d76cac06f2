package dev.migrator.core;

import dev.migrator.api.LockTimeoutException;
import dev.migrator.api.MigrationListener;
import dev.migrator.api.LostLockException;
import dev.migrator.api.spi.LeaseLock;
import dev.migrator.api.spi.SessionLock;
import dev.migrator.api.spi.TargetLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Locking: where the migration lock is taken, held and released.
 *
 * <p>Waiting instances poll with a try-lock and back off (25 ms doubling to 1 s, with jitter, as Atlas does) and hold
 * no transaction while they wait, so they cannot deadlock with a {@code CREATE INDEX CONCURRENTLY} of the holder
 * (flyway#3497). A session lock is held by the session that runs the migrations, and dies with it: whatever ends the
 * lock ends the work.
 *
 * <p>A lease is renewed every third of its length by a scheduled task on one daemon thread ({@code migrator-lease-}
 * and the owner), ended with the lock. The holder counts the lease as lost, and stops
 * before its next statement or history row, once its last <em>successful</em> renewal is as old as the lease, not
 * only when a renewal finds it taken over: a process stalled past its lease (a GC pause, SIGSTOP, a frozen VM) may
 * wake before its heartbeat notices. Each history row is also fenced by the target (written only while the lease
 * still names this owner), so a write already in flight is refused. Time comes from the engine's clock, the one
 * {@code TargetSettings} carries: the lease's age and the wait for the lock alike.
 */
final class MigrationLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    private static final long FIRST_BACKOFF_MILLIS = 25;
    private static final long MAX_BACKOFF_MILLIS = 1_000;

    private final TargetLock lock;
    private final String owner;
    private final Duration lease;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final Clock clock;
    /** When the lease was last taken or renewed, in the clock's milliseconds. */
    private volatile long renewedAt;
    /** Renews a lease; null for a session lock. */
    private final ScheduledExecutorService heartbeat;

    private MigrationLock(TargetLock lock, String owner, Duration lease, Clock clock) {
        this.lock = lock;
        this.owner = owner;
        this.lease = lease;
        this.clock = clock;
        this.renewedAt = clock.millis();
        this.heartbeat = lock instanceof LeaseLock leaseLock ? startHeartbeat(leaseLock) : null;
    }

    /**
     * Takes the lock, waiting up to {@code timeout}.
     *
     * @throws LockTimeoutException when another instance held it for longer than {@code timeout}
     */
    static MigrationLock acquire(TargetLock lock, String owner, Duration lease, Duration timeout, String target,
                                 MigrationListener listener, Clock clock) {
        // The engine's clock, not System.nanoTime: a test drives a wait to its end without waiting (Sleeper).
        Sleeper sleeper = Sleeper.of(clock);
        long start = clock.millis();
        long deadline = start + timeout.toMillis();
        long backoff = FIRST_BACKOFF_MILLIS;
        long lastNotice = Long.MIN_VALUE;
        boolean logged = false;
        long maxBackoff = MAX_BACKOFF_MILLIS;
        while (true) {
            if (tryAcquire(lock, owner, lease)) {
                if (logged) {
                    Duration waited = since(start, clock);
                    LOG.info("Took the migration lock on {} after waiting {} ms", target, waited.toMillis());
                    listener.afterLockWait(target, waited);
                } else {
                    LOG.debug("Took the migration lock on {}", target);
                }
                return new MigrationLock(lock, owner, lease, clock);
            }
            long now = clock.millis();
            Duration waited = Duration.ofMillis(Math.max(0, now - start));
            if (now >= deadline) {
                throw new LockTimeoutException("Another instance held the migration lock on " + target
                        + " for longer than lockTimeout (" + timeout.toSeconds() + " s); nothing was changed. If an "
                        + "instance is still migrating, let it finish or raise lockTimeout(...). "
                        + (lock instanceof LeaseLock
                        ? "A crashed holder's lease expires " + lease.toSeconds() + " s after it stopped."
                        : holderText((SessionLock) lock)), waited);
            }
            if (!logged) {
                LOG.info("Waiting for the migration lock on {}: another instance is migrating", target);
                logged = true;
                maxBackoff = keepAliveBackoff(lock);
            }
            if (lastNotice == Long.MIN_VALUE || now - lastNotice >= 1_000) {
                listener.onLockWait(target, waited);
                lastNotice = now;
            }
            backoff = Math.min(backoff, maxBackoff);
            long jitter = ThreadLocalRandom.current().nextLong(backoff / 5 + 1);
            long sleep = Math.min(backoff + jitter, Math.max(1, deadline - now));
            try {
                sleeper.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockTimeoutException("Interrupted while waiting for the migration lock on " + target
                        + "; nothing was changed", waited);
            }
            backoff = Math.min(backoff * 2, maxBackoff);
        }
    }

    /** Time since {@code start} on the clock, never negative (a wall clock may be set back). */
    private static Duration since(long start, Clock clock) {
        return Duration.ofMillis(Math.max(0, clock.millis() - start));
    }

    /**
     * The longest pause between polls: a third of the session's idle limit where the server has one
     * ({@code idle_session_timeout}, {@code wait_timeout}), so that it never ends the waiting session, else 1 s.
     */
    private static long keepAliveBackoff(TargetLock lock) {
        Duration idle = lock instanceof SessionLock s ? s.idleLimit() : null;
        return idle == null ? MAX_BACKOFF_MILLIS : Math.max(10, Math.min(MAX_BACKOFF_MILLIS, idle.toMillis() / 3));
    }

    /** Who holds a session lock, from the database, or where to look. */
    private static String holderText(SessionLock lock) {
        String holder = lock.holder();
        return holder != null ? "It is held by " + holder + " on the server: a client that died while its statement "
                + "went on still holds it until that statement ends; end that session only if it is not a live "
                + "migration." : "The lock belongs to a database session, so a crashed holder cannot keep it: look "
                + "for a live session holding it.";
    }

    private static boolean tryAcquire(TargetLock lock, String owner, Duration lease) {
        return lock instanceof LeaseLock l ? l.tryAcquire(owner, lease) : ((SessionLock) lock).tryAcquire();
    }

    private ScheduledExecutorService startHeartbeat(LeaseLock leaseLock) {
        long every = Math.max(50, lease.toMillis() / 3);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "migrator-lease-" + owner);
            t.setDaemon(true);
            return t;
        });
        // With a fixed delay, not rate: after a stall the missed renewals are not fired in a burst.
        executor.scheduleWithFixedDelay(() -> renew(leaseLock), every, every, TimeUnit.MILLISECONDS);
        return executor;
    }

    /** One heartbeat: never throws, since a scheduled task that throws is never run again. */
    private void renew(LeaseLock leaseLock) {
        if (lost.get()) {
            return;
        }
        try {
            long attempt = clock.millis();
            if (leaseLock.renew(owner, lease)) {
                renewedAt = attempt;
            } else {
                lost.set(true);
                LOG.error("The migration lock lease of {} was taken over by another instance; this instance stops "
                        + "before its next migration", owner);
            }
        } catch (RuntimeException e) {
            // A passing connection problem: the lease still has two thirds to run, so try again.
            LOG.warn("Could not renew the migration lock lease: {}", e.toString());
        }
    }

    /**
     * Fails when the lease was lost or may be: taken over, or not renewed for as long as it lasts. Nothing to check
     * for a session lock, which ends with the session that does the work. Cheap: a volatile read and the clock.
     */
    void checkHeld() {
        if (!(lock instanceof LeaseLock)) {
            return;
        }
        long age = clock.millis() - renewedAt;
        if (lost.get() || age >= lease.toMillis()) {
            lost.set(true);
            throw new LostLockException("The migration lock lease was lost: " + (age >= lease.toMillis()
                    ? "it was last renewed " + age + " ms ago, longer than the lease (" + lease.toMillis() + " ms), "
                    + "so another instance may hold it now (this process stalled, or could not reach the database)"
                    : "another instance took it over after this one stalled for longer than the lease")
                    + ". This instance stopped before running anything more and wrote no further history row. "
                    + "Run migrate again.");
        }
    }

    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            try {
                heartbeat.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (lock instanceof LeaseLock l) {
            l.release(owner);
        } else {
            ((SessionLock) lock).release();
        }
    }
}
