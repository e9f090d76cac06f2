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
}
