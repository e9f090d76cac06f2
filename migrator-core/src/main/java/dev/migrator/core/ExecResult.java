package dev.migrator.core;

import java.time.Duration;
import java.util.List;

/**
 * What {@link Migrator#exec(String, List)} did: another tool's command, run under migrator's lock. Immutable.
 *
 * @param tool     the tool ({@code alembic}, {@code knex}, ...)
 * @param command  the command as recorded, with password-like values masked
 * @param exitCode the command's exit status; 0 when it succeeded
 * @param applied  the tool's migrations the command applied, in the order the tool records them: by version, else
 *                 by name
 * @param undone   the tool's migrations the command undid
 * @param duration how long the command ran (the lock wait not included)
 * @param target   the database, described without credentials
 */
public record ExecResult(String tool, String command, int exitCode, List<String> applied, List<String> undone,
                         Duration duration, String target) {
    public ExecResult {
        applied = List.copyOf(applied);
        undone = List.copyOf(undone);
    }

    /** Whether the command exited with status 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The result as the JSON document of {@code docs/json-report.md} (the CLI's {@code exec --json}). */
    public String toJson() {
        return JsonReports.exec(this);
    }
}
