package dev.migrator.core;

import java.time.Instant;

/**
 * One line of {@code info()}: a migration, known from its script or class, from the history, or both.
 *
 * @param version     the version, {@code null} for a repeatable migration
 * @param description the description
 * @param type        SQL, JSON, JAVA or BASELINE
 * @param script      the file or class name, as found or as recorded
 * @param state       where it stands
 * @param reversible  whether it has a down ({@code U} script or {@code down} override)
 * @param installedOn when it was applied (for ROLLED_BACK: when it was undone); {@code null} when not applied
 * @param checksum    the checksum of the script found, or else the one recorded; may be {@code null}
 */
public record MigrationStatus(String version, String description, MigrationType type, String script,
                              MigrationState state, boolean reversible, Instant installedOn, String checksum) {
}
