package dev.migrator.core;

/** Where a migration stands, as {@code info()} reports it. */
public enum MigrationState {
    /** Not applied yet; {@code migrate()} will apply it. */
    PENDING,
    /** Applied and unchanged since. */
    APPLIED,
    /** Failed part-way where the database could not roll it back; blocks {@code migrate()} until {@code repair()}. */
    FAILED,
    /** Applied, but its script or class is no longer found. */
    MISSING,
    /** Applied after a higher version had been applied ({@code outOfOrder(true)}). */
    OUT_OF_ORDER,
    /**
     * Will not be applied: below the baseline, or below the latest applied version while out-of-order is off
     * (which {@code validate()} reports as a problem).
     */
    IGNORED,
    /** Was applied and then undone by a rollback; a PENDING entry for the same version follows it. */
    ROLLED_BACK,
    /** The baseline version recorded by {@code baseline(...)}. */
    BASELINE,
    /**
     * Applied by another tool (Flyway, Liquibase, ...) and taken over by {@code adopt(...)}: counts as applied, and
     * is never run by migrator.
     */
    ADOPTED
}
