package dev.migrator.api.spi;

import java.time.Duration;

/**
 * A lock row (or document) with an owner and an expiry, for databases with no session lock. The holder renews it
 * while it works; one that dies loses it when the lease runs out.
 */
public non-sealed interface LeaseLock extends TargetLock {

    /** Takes the lock for {@code lease} if it is free or its lease has run out; never waits. Creates its table. */
    boolean tryAcquire(String owner, Duration lease);

    /** Extends the lease; {@code false} when {@code owner} no longer holds it. */
    boolean renew(String owner, Duration lease);

    /** Releases the lock if {@code owner} holds it. Never throws. */
    void release(String owner);
}
