package dev.migrator.api;

/**
 * The migration lock was lost while this instance held it: the database session holding it ended (ended by an
 * administrator, an idle or statement timeout, a dropped connection) or, on a lease-locked database, the lease was
 * taken over after this process stalled. The run stopped at once: no further statement ran and no history row was
 * written after the loss. The message says what was lost, what had run, and what to do (usually: migrate again).
 */
public final class LostLockException extends MigratorException {
    private static final long serialVersionUID = 1L;

    /** Creates one with the failure that revealed the loss, if any. */
    public LostLockException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates one without a cause. */
    public LostLockException(String message) {
        super(message);
    }
}
