package dev.migrator.api.spi;

/**
 * A lock owned by a database session (PostgreSQL advisory lock, MySQL {@code GET_LOCK}, SQL Server
 * {@code sp_getapplock}): it dies with the session, so a crashed holder cannot leave it stuck. It is held by the
 * session that runs the migrations and writes the history, so whatever ends the lock ends the work with it; it is
 * taken outside any transaction, so waiting for it holds none.
 */
public non-sealed interface SessionLock extends TargetLock {

    /** Takes the lock if free; never waits. */
    boolean tryAcquire();

    /**
     * Describes the session that holds the lock now, for a lock timeout's message ("session 4711, running its
     * current statement since 10:02"); null when unknown.
     */
    default String holder() {
        return null;
    }

    /**
     * How long the server lets this session sit idle before it ends it ({@code idle_session_timeout},
     * {@code wait_timeout}), or null when there is no such limit. A waiting instance polls more often than that, so
     * the server never ends its waiting session.
     */
    default java.time.Duration idleLimit() {
        return null;
    }

    /** Releases the lock. Never throws. */
    void release();
}
