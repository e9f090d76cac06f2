package dev.migrator.api;

import java.time.Duration;

/**
 * Hooks for monitoring: called on the migrating thread, around each migration and while waiting for the lock.
 * Every method has a no-op default; implement what you need. A listener that throws fails the run.
 */
public interface MigrationListener {

    /** Before a migration (or its down) runs. */
    default void beforeMigration(MigrationEvent event) {
    }

    /** After a migration (or its down) succeeded and its history row was written. */
    default void afterMigration(MigrationEvent event) {
    }

    /** After a migration (or its down) failed; {@code error} is what the caller will receive. */
    default void onFailure(MigrationEvent event, MigratorException error) {
    }

    /** While waiting for another instance to release the lock; called at most about once a second. */
    default void onLockWait(String target, Duration waited) {
    }

    /** Once the lock was taken after a wait (never when it was free at once), with the whole wait. */
    default void afterLockWait(String target, Duration waited) {
    }

    /** Before a run of {@code migrate}, {@code migrateTo}, {@code rollback} or {@code rollbackTo} starts. */
    default void beforeRun(RunEvent event) {
    }

    /**
     * After that run ended: {@code error} is {@code null} when it succeeded, else what the caller will receive. A
     * listener that throws here does not hide the run's own outcome: its failure is added to the error as suppressed,
     * or thrown when the run succeeded.
     */
    default void afterRun(RunEvent event, MigratorException error) {
    }
}
