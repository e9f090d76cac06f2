package dev.migrator.docs.migrations;

import dev.migrator.api.ValidationException;
import dev.migrator.core.Migrator;

import java.util.List;

/** docs/migrations.md, "Validation": a health check that reports what would stop the next migrate(). */
public final class MigrationHealth {
    private MigrationHealth() {
    }

    // tag::validate[]
    /** Every reason the database and the migrations disagree; empty when they agree. */
    public static List<String> migrationProblems(Migrator migrator) {
        try {
            migrator.validate();
            return List.of();
        } catch (ValidationException e) {
            return e.problems();
        }
    }
    // end::validate[]
}
