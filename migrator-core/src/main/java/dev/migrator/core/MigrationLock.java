package dev.migrator.core;

import dev.migrator.api.LockTimeoutException;
import dev.migrator.api.MigrationListener;
import dev.migrator.api.MigratorException;
import dev.migrator.api.spi.LeaseLock;
import dev.migrator.api.spi.SessionLock;
import dev.migrator.api.spi.TargetLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Locking: where the migration lock is taken, held and released.
 *
 * <p>Waiting instances poll with a try-lock and back off (25 ms doubling to 1 s, with jitter, as Atlas does) and hold
 * no transaction while they wait, so they cannot deadlock with a {@code CREATE INDEX CONCURRENTLY} of the holder
 * (flyway#3497). A session lock dies with its connection. A lease is renewed by a daemon thread every third of its
 * length; if a renewal finds the lease taken over (this process stalled longer than the lease), the holder stops
 * before its next migration instead of racing the new holder.
 */
final class MigrationLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    private static final long FIRST_BACKOFF_MILLIS = 25;
    private static final long MAX_BACKOFF_MILLIS = 1_000;

    private final TargetLock lock;
    private final String owner;
    private final Duration lease;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final Thread heartbeat;

    private MigrationLock(TargetLock lock, String owner, Duration lease) {
        this.lock = lock;
        this.owner = owner;
        this.lease = lease;
        this.heartbeat = lock instanceof LeaseLock leaseLock ? startHeartbeat(leaseLock) : null;
    }

    /**
     * Takes the lock, waiting up to {@code timeout}.
     *
     * @throws LockTimeoutException when another instance held it for longer than {@code timeout}
     */
    static MigrationLock acquire(TargetLock lock, String owner, Duration lease, Duration timeout, String target,
                                 MigrationListener listener) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long backoff = FIRST_BACKOFF_MILLIS;
        long lastNotice = start;
        boolean logged = false;
        while (true) {
            if (tryAcquire(lock, owner, lease)) {
                if (logged) {
                    LOG.info("Took the migration lock on {} after waiting {} ms", target,
                            Duration.ofNanos(System.nanoTime() - start).toMillis());
                    listener.afterLockWait(target, Duration.ofNanos(System.nanoTime() - start));
                } else {
                    LOG.debug("Took the migration lock on {}", target);
                }
                return new MigrationLock(lock, owner, lease);
            }
            long now = System.nanoTime();
            Duration waited = Duration.ofNanos(now - start);
            if (now >= deadline) {
                throw new LockTimeoutException("Another instance held the migration lock on " + target
                        + " for longer than lockTimeout (" + timeout.toSeconds() + " s); nothing was changed. If an "
                        + "instance is still migrating, let it finish or raise lockTimeout(...). "
                        + (lock instanceof LeaseLock
                        ? "A crashed holder's lease expires " + lease.toSeconds() + " s after it stopped."
                        : "The lock belongs to a database session, so a crashed holder cannot keep it: look for a "
                        + "live session holding it."), waited);
            }
            if (!logged) {
                LOG.info("Waiting for the migration lock on {}: another instance is migrating", target);
                logged = true;
            }
            if (now - lastNotice >= 1_000_000_000L || lastNotice == start) {
                listener.onLockWait(target, waited);
                lastNotice = now;
            }
            long jitter = ThreadLocalRandom.current().nextLong(backoff / 5 + 1);
            long sleep = Math.min(backoff + jitter, Math.max(1, (deadline - now) / 1_000_000));
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockTimeoutException("Interrupted while waiting for the migration lock on " + target
                        + "; nothing was changed", waited);
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    private static boolean tryAcquire(TargetLock lock, String owner, Duration lease) {
        return lock instanceof LeaseLock l ? l.tryAcquire(owner, lease) : ((SessionLock) lock).tryAcquire();
    }

    private Thread startHeartbeat(LeaseLock leaseLock) {
        long every = Math.max(50, lease.toMillis() / 3);
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    if (!leaseLock.renew(owner, lease)) {
                        lost.set(true);
                        LOG.error("The migration lock lease of {} was taken over by another instance; this "
                                + "instance stops before its next migration", owner);
                        return;
                    }
                } catch (RuntimeException e) {
                    // A passing connection problem: the lease still has two thirds to run, so try again.
                    LOG.warn("Could not renew the migration lock lease: {}", e.toString());
                }
            }
        }, "migrator-lease-" + owner);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Fails when the lease was lost, so that no migration starts without the lock. */
    void checkHeld() {
        if (lost.get()) {
            throw new LostLockException("The migration lock lease was taken over by another instance while this one "
                    + "was migrating (it stalled for longer than the lease); stopped before the next migration. "
                    + "Run migrate again.");
        }
    }

    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.interrupt();
            try {
                heartbeat.join(5_000);
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

    /** The lock was lost while held. */
    static final class LostLockException extends MigratorException {
        private static final long serialVersionUID = 1L;

        LostLockException(String message) {
            super(message);
        }
    }
}
