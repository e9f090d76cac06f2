package dev.migrator.api;

/**
 * A database failure outside a migration: reading or writing the history, taking or keeping the lock, reading the
 * schema. The migration that was running (if any) is reported by its own exception; this one says what the
 * bookkeeping could not do and why (a lost connection, a missing privilege, a timeout). The message never holds a
 * password.
 */
public final class TargetException extends MigratorException {
    private static final long serialVersionUID = 1L;

    /** Creates one with the database's error as its cause. */
    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates one without a cause. */
    public TargetException(String message) {
        super(message);
    }
}
