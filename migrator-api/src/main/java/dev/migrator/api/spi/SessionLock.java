package dev.migrator.api.spi;

/**
 * A lock owned by a database session (PostgreSQL advisory lock, MySQL {@code GET_LOCK}, SQL Server
 * {@code sp_getapplock}): it dies with the session, so a crashed holder cannot leave it stuck. It must be held on a
 * connection that sits idle, outside any transaction, while the migrations run on another.
 */
public non-sealed interface SessionLock extends TargetLock {

    /** Takes the lock if free; never waits. */
    boolean tryAcquire();

    /** Releases the lock. Never throws. */
    void release();
}
