package dev.migrator.cli;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.IrreversibleMigrationException;
import dev.migrator.api.LockTimeoutException;
import dev.migrator.api.LostLockException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.TargetException;
import dev.migrator.api.ValidationException;

/**
 * The one place that turns a failure into the JSON {@code error.code} and the process exit status.
 *
 * <p><b>Do not change a code or an exit status without a major version.</b> Pipelines branch on both
 * ({@code docs/ci-cd.md}, {@code docs/json-report.md}, API.md section 6): 0 done, 1 a migration failed, 2 bad usage or
 * configuration, 3 validation failed, 4 lock timeout or lost lock. A new code may be added; an existing one never
 * moves.
 */
enum ErrorCode {
    /** The command line itself is wrong: an unknown command or option, a missing value. */
    USAGE(2),
    /** A setting, a migration file or the connection cannot be used; nothing was changed. */
    CONFIGURATION(2),
    /** A migration (or its down) failed while running. */
    MIGRATION_FAILED(1),
    /** The database and the migrations disagree; nothing was changed. */
    VALIDATION_FAILED(3),
    /** A rollback would cross a migration that has no down; nothing was changed. */
    IRREVERSIBLE(3),
    /** Another instance held the migration lock for longer than {@code --lock-timeout}; nothing was changed. */
    LOCK_TIMEOUT(4),
    /**
     * The migration lock was lost while migrating (the server ended the session holding it, or another instance took
     * over the lease): the run stopped; the message says what stayed applied.
     */
    LOCK_LOST(4),
    /**
     * The database failed outside a migration: reading or writing the history, the lock, a lost connection. Something
     * may have changed (the message says what), so not 2.
     */
    TARGET_FAILED(1),
    /** Anything else: the database failed under us, or a bug. Reported with its stack trace on standard error. */
    ERROR(1);

    /** The exit status of a command that did what was asked. */
    static final int SUCCESS = 0;
    /** The exit status of {@code lint} when it found risks at the level of {@code --fail-on}: reserved for lint. */
    static final int LINT_FINDINGS = 5;
    /** The exit status of {@code drift} when the schema changed outside the migrations: reserved for drift. */
    static final int DRIFT = 6;

    private final int exitStatus;

    ErrorCode(int exitStatus) {
        this.exitStatus = exitStatus;
    }

    /** The process exit status for this code. */
    int exitStatus() {
        return exitStatus;
    }

    /** The code for a failure; the checks go from the most specific type to the least. */
    static ErrorCode of(Throwable failure) {
        if (failure instanceof UsageException) {
            return USAGE;
        }
        if (failure instanceof ConfigurationException) {
            return CONFIGURATION;
        }
        if (failure instanceof MigrationFailedException) {
            return MIGRATION_FAILED;
        }
        if (failure instanceof ValidationException) {
            return VALIDATION_FAILED;
        }
        if (failure instanceof IrreversibleMigrationException) {
            return IRREVERSIBLE;
        }
        if (failure instanceof LockTimeoutException) {
            return LOCK_TIMEOUT;
        }
        if (failure instanceof LostLockException) {
            return LOCK_LOST;
        }
        if (failure instanceof TargetException) {
            return TARGET_FAILED;
        }
        return ERROR;
    }
}
