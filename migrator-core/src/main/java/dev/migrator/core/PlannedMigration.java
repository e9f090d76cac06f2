package dev.migrator.core;

import java.util.List;

/**
 * One migration that {@code migrate()} would run.
 *
 * @param version       the version, {@code null} for a repeatable migration
 * @param description   the description
 * @param script        the file name, or the class name of a Java migration
 * @param statements    the statements with placeholders replaced; empty for a Java migration
 * @param transactional whether it runs all-or-nothing in one transaction with its history row
 */
public record PlannedMigration(String version, String description, String script, List<String> statements,
                               boolean transactional) {
    public PlannedMigration {
        statements = List.copyOf(statements);
    }
}
