package dev.migrator.core;

import java.util.List;

/**
 * What {@code migrate()} or {@code migrateTo(...)} did. Immutable.
 *
 * @param applied       the migrations applied, in the order run; empty when the database was up to date
 * @param versionBefore the highest applied version before the run, {@code null} when none
 * @param versionAfter  the highest applied version after the run, {@code null} when none
 * @param target        the database, described without credentials
 */
public record MigrateResult(List<AppliedMigration> applied, String versionBefore, String versionAfter,
                            String target) {
    public MigrateResult {
        applied = List.copyOf(applied);
    }

    /** The result as the JSON document of {@code docs/json-report.md} (the CLI's {@code migrate --json}). */
    public String toJson() {
        return JsonReports.migrate(this);
    }
}
