package dev.migrator.core;

import java.util.List;

/**
 * What {@code rollback(...)} or {@code rollbackTo(...)} did. Immutable.
 *
 * @param undone        the migrations undone, newest first
 * @param versionBefore the highest applied version before the rollback
 * @param versionAfter  the highest applied version after it, {@code null} when none is left
 * @param target        the database, described without credentials
 */
public record RollbackResult(List<AppliedMigration> undone, String versionBefore, String versionAfter,
                             String target) {
    public RollbackResult {
        undone = List.copyOf(undone);
    }

    /** The result as the JSON document of {@code docs/json-report.md} (the CLI's {@code rollback --json}). */
    public String toJson() {
        return JsonReports.rollback(this);
    }
}
