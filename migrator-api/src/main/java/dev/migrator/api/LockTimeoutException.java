package dev.migrator.api;

import java.time.Duration;

/**
 * Another instance held the migration lock for longer than {@code lockTimeout}. Nothing was changed by this instance.
 */
public final class LockTimeoutException extends MigratorException {
    private static final long serialVersionUID = 1L;
    private final transient Duration waited;

    /** Creates one saying how long this instance waited. */
    public LockTimeoutException(String message, Duration waited) {
        super(message);
        this.waited = waited;
    }

    /** How long this instance waited before giving up. */
    public Duration waited() {
        return waited;
    }
}
