package dev.migrator.core;

import dev.migrator.api.ConfigurationException;

/**
 * When a {@link Fleet} stops starting targets after failures. The targets already running finish; those not started
 * are {@link FleetOutcome#SKIPPED}. Whatever the policy, a failing canary stops the rest. Immutable.
 */
public final class FleetErrorPolicy {
    private static final FleetErrorPolicy STOP = new FleetErrorPolicy(1);
    private static final FleetErrorPolicy CONTINUE = new FleetErrorPolicy(Integer.MAX_VALUE);

    private final int maxFailures;

    private FleetErrorPolicy(int maxFailures) {
        this.maxFailures = maxFailures;
    }

    /** Stop starting targets at the first failure (the default): the same as {@code maxFailures(1)}. */
    public static FleetErrorPolicy stop() {
        return STOP;
    }

    /** Run every target whatever fails (canaries still stop the rest). */
    public static FleetErrorPolicy continueAll() {
        return CONTINUE;
    }

    /**
     * Stop starting targets once {@code failures} have failed.
     *
     * @throws ConfigurationException when {@code failures} is below 1
     */
    public static FleetErrorPolicy maxFailures(int failures) {
        if (failures < 1) {
            throw new ConfigurationException("maxFailures(" + failures + "): the number of failures that stops the "
                    + "fleet must be at least 1 (1 is stop())");
        }
        return failures == 1 ? STOP : new FleetErrorPolicy(failures);
    }

    /** How many failures stop the fleet; {@link Integer#MAX_VALUE} for {@link #continueAll()}. */
    public int failuresThatStop() {
        return maxFailures;
    }

    /** {@code stop}, {@code continue} or {@code max=K}, as the CLI's {@code --on-error} takes it. */
    @Override
    public String toString() {
        return maxFailures == 1 ? "stop" : maxFailures == Integer.MAX_VALUE ? "continue" : "max=" + maxFailures;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FleetErrorPolicy p && p.maxFailures == maxFailures;
    }

    @Override
    public int hashCode() {
        return maxFailures;
    }
}
