package dev.migrator.core;

import java.time.Clock;

/** The engine's package-private test hooks, for migrator-it's contract suite. */
public final class ContractHooks {
    private ContractHooks() {
    }

    /** The builder with the engine's clock (lease expiry, row timestamps, lock waits) replaced. */
    public static Migrator.Builder clock(Migrator.Builder builder, Clock clock) {
        return builder.clock(clock);
    }
}
