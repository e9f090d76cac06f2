package dev.migrator.core;

/** How one target of a {@link Fleet} run ended. */
public enum FleetOutcome {
    /** The operation ran and succeeded (for {@code migrate()}: the target is up to date). */
    SUCCEEDED,
    /** The operation ran and failed, or did not finish within the target timeout; see {@link FleetTargetResult#error()}. */
    FAILED,
    /** Not started: a canary failed, or the stop rule stopped the fleet first. Nothing was done to it. */
    SKIPPED
}
