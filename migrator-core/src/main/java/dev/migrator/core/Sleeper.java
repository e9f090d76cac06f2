package dev.migrator.core;

import java.time.Clock;

/**
 * How a lock wait pauses between polls. {@link Thread#sleep} on a real clock; a clock that is also a {@code Sleeper}
 * (a test's) is moved instead, so a wait runs to its timeout on the engine's clock without sleeping.
 */
@FunctionalInterface
interface Sleeper {
    void sleep(long millis) throws InterruptedException;

    /** The sleeper that goes with the engine's clock. */
    static Sleeper of(Clock clock) {
        return clock instanceof Sleeper s ? s : Thread::sleep;
    }
}
