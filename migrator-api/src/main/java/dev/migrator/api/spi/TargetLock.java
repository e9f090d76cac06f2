package dev.migrator.api.spi;

/**
 * How a target is locked against other instances. The engine polls with back-off and, for a lease, renews it; a
 * target only offers the primitive.
 */
public sealed interface TargetLock permits SessionLock, LeaseLock {
}
