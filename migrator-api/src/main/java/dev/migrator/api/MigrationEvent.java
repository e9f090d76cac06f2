package dev.migrator.api;

import java.time.Duration;

/**
 * What a {@link MigrationListener} is told about one migration.
 *
 * @param runId       identifies the run (also the {@code migrator.run} MDC key and a history column)
 * @param action      {@code "APPLY"} or {@code "UNDO"}
 * @param version     the version, {@code null} for a repeatable migration
 * @param description the description
 * @param script      the file name or class name
 * @param target      the database, described without credentials
 * @param duration    how long it ran; {@link Duration#ZERO} before it ran
 */
public record MigrationEvent(String runId, String action, String version, String description, String script,
                             String target, Duration duration) {
}
