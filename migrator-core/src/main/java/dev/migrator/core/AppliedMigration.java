package dev.migrator.core;

import java.time.Duration;

/**
 * A migration that a run applied (or, in a {@link RollbackResult}, undid).
 *
 * @param version     the version, {@code null} for a repeatable migration
 * @param description the description
 * @param type        SQL, JSON or JAVA
 * @param script      the file or class name that ran
 * @param duration    how long it took, commit included
 */
public record AppliedMigration(String version, String description, MigrationType type, String script,
                               Duration duration) {
}
