package dev.migrator.core;

import dev.migrator.api.MigrationEvent;
import dev.migrator.api.LostLockException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.MigratorException;
import dev.migrator.api.TargetException;
import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.ExecutionFailure;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.internal.Secrets;
import dev.migrator.api.spi.SessionLock;
import dev.migrator.api.spi.HistoryRecord.Action;
import dev.migrator.api.spi.HistoryRecord.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Execution: runs one migration (or its down) and records the attempt truthfully.
 *
 * <p>An atomic migration and its history row commit together: on failure nothing is left and a REVERTED row says
 * the attempt happened. A migration that cannot be atomic (DDL on MySQL, a script outside a transaction) is preceded
 * by a STARTED row, so that a process killed midway leaves an entry that blocks a blind re-run; it ends with a
 * SUCCESS row, or FAILED when part of it stayed applied.
 */
final class MigrationExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationExecutor.class);
    /** One JSON line per migration, for log shippers: keys are documented in docs/json-report.md. */
    private static final Logger EVENTS = LoggerFactory.getLogger("dev.migrator.events");
    private static final int MAX_ERROR = 1_000;

    private final RunContext run;
    /** Values never to show: those of placeholders whose names say they are secrets. */
    private final List<String> secrets;
    /** The run's JSON event lines; what they share is written once. */
    private final JsonEvents.Migrations events;

    MigrationExecutor(RunContext run) {
        this(run, List.of());
    }

    MigrationExecutor(RunContext run, List<String> secrets) {
        this.run = run;
        this.secrets = List.copyOf(secrets);
        this.events = new JsonEvents.Migrations(run.runId, run.target);
    }

    AppliedMigration execute(ResolvedMigration m, Executable executable, Action action) {
        return execute(m, executable, action, null);
    }

    /**
     * Runs one migration; {@code note} (the risk-lint findings its script acknowledged, or null) goes on its history
     * rows.
     */
    AppliedMigration execute(ResolvedMigration m, Executable executable, Action action, String note) {
        boolean undo = action == Action.UNDO;
        MigrationSource source = undo ? m.down() : m.up();
        String script = source.name();
        String checksum = m.checksum();
        MigrationEvent before = new MigrationEvent(run.runId, action.name(), m.versionText(), m.description(), script,
                run.target, Duration.ZERO);
        MDC.put("migrator.version", m.version() == null ? m.description() : m.versionText());
        long start = System.nanoTime();
        Instant startedOn = run.clock.instant();
        try {
            run.listener.beforeMigration(before);
            HistoryRecord started = executable.atomic() ? null
                    : record(m, script, checksum, action, Outcome.STARTED, startedOn, 0, null).withNote(note);
            HistoryRecord success = record(m, script, checksum, action, Outcome.SUCCESS, startedOn, 0, null)
                    .withNote(note);
            try {
                run.session.run(executable, started, success);
            } catch (ExecutionFailure f) {
                throw fail(m, script, checksum, action, f, start, startedOn, executable);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (LOG.isInfoEnabled()) {
                // Built here and logged without arguments: the line is the same, and SLF4J's message formatter,
                // which parses the pattern again for every migration, is not made hot by a long run.
                LOG.info((undo ? "Undid " : "Applied ") + script + (m.version() == null ? " (repeatable)"
                        : " (version " + m.version() + ")") + " in " + took.toMillis() + " ms");
            }
            event(action, m, script, "SUCCESS", took, null);
            MigrationEvent after = new MigrationEvent(run.runId, action.name(), m.versionText(), m.description(),
                    script, run.target, took);
            run.listener.afterMigration(after);
            return new AppliedMigration(m.versionText(), m.description(), m.type(), script, took);
        } finally {
            MDC.remove("migrator.version");
        }
    }

    private MigratorException fail(ResolvedMigration m, String script, String checksum, Action action,
                                   ExecutionFailure f, long start, Instant startedOn, Executable executable) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // A server may echo the failing statement's password literal without its keyword ("near 's3cret'"): the
        // literals the statement holds, and the secret placeholder values, are scrubbed wherever they stand.
        List<String> known = new ArrayList<>(secrets);
        known.addAll(Secrets.secretsIn(f.statement()));
        String cause = Secrets.scrub(String.valueOf(f.getCause() == null ? f.getMessage()
                : f.getCause().getMessage()), known);
        String label = script + (m.version() == null ? " (repeatable)" : " (version " + m.version() + ")");
        if (f.sessionEnded() != null) {
            return sessionEnded(m, script, action, f, label, cause, took);
        }
        String where = f.statementIndex() >= 0
                ? " at line " + f.line() + " (statement " + (f.statementIndex() + 1) + ")"
                : f.stage() == ExecutionFailure.Stage.RECORDING ? " while writing its history row, after its "
                + "statements succeeded" : f.stage() == ExecutionFailure.Stage.COMMITTING ? " while committing" : "";
        String verb = action == Action.UNDO ? "Undoing " : "";
        String committed = committedText(f);
        if (!committed.isEmpty() && f.statementIndex() >= 0) {
            // "statements 1-2 of 5 were committed; statement 3 failed at line 7": what stayed, and where it stopped.
            committed += "; statement " + (f.statementIndex() + 1) + " failed at line " + f.line();
        }
        String again = action == Action.UNDO ? "roll back again" : "migrate again";
        String progress = resumable(f, executable, action);
        String outcome = progress != null
                ? "Part of it stayed applied (the database could not roll it back" + committed + "), so it is recorded "
                + "as FAILED with its progress. Fix statement " + (f.statementIndex() + 1) + " (line " + f.line()
                + ") and migrate again: it resumes at statement " + (f.committed() + 1) + ", after checking that the "
                + "committed statements are unchanged. Or resolve it by hand: run repair() if you undid its changes "
                + "(it runs again from the start), or markApplied(\"" + m.versionText() + "\", \"<reason>\") if you "
                + "finished it."
                : f.leftChanges()
                ? "Part of it stayed applied (the database could not roll it back" + committed + "), so it is "
                + "recorded as FAILED. Resolve it by hand, then either run repair() if you undid its changes (it runs "
                + "again on the next " + (action == Action.UNDO ? "rollback" : "migrate") + "), or markApplied(\""
                + m.versionText() + "\", \"<reason>\") if you finished it (it is recorded as applied and never run "
                + "again); then " + again + "."
                : f.stage() == ExecutionFailure.Stage.RECORDING
                ? "Writing its history row failed, so its transaction was rolled back with it and nothing was left "
                + "behind; the script itself is fine: fix what the history error says and " + again + "."
                : "Its transaction was rolled back and nothing was left behind: fix the "
                + (action == Action.UNDO ? "down migration and roll back again." : "script and migrate again.");
        String statement = f.statement() == null ? null : Secrets.shorten(Secrets.scrub(f.statement(), secrets), 300);
        String message = verb + label + " failed" + where + ": " + cause
                + (statement == null ? "" : "\n  Statement: " + statement) + "\n  " + outcome;
        MigrationFailedException error = new MigrationFailedException(message, f.getCause(), m.versionText(), script,
                f.line(), statement, f.leftChanges(), Math.max(f.statementIndex() + 1, 0), f.statementCount(),
                f.leftChanges() ? Math.max(f.committed(), 0) : 0);
        try {
            run.session.history().append(record(m, script, checksum, action,
                    f.leftChanges() ? Outcome.FAILED : Outcome.REVERTED, startedOn, took.toMillis(),
                    Secrets.shorten((committed.isEmpty() ? "" : committed.substring(2) + ". ") + where.trim()
                            + (where.isEmpty() ? "" : ": ") + cause, MAX_ERROR))
                    .withProgress(progress));
        } catch (RuntimeException recordFailure) {
            // Both errors matter: the migration's, and why its failure could not be recorded (mongock#660).
            error.addSuppressed(recordFailure);
        }
        event(action, m, script, f.leftChanges() ? "FAILED" : "REVERTED", took, cause + committed);
        notifyFailure(m, action, script, took, error);
        return error;
    }

    /**
     * The progress to record when the failed script can resume later: an applying script, some statements committed,
     * the failing one known. Null otherwise (nothing committed: it runs again from the start anyway).
     */
    private static String resumable(ExecutionFailure f, Executable executable, Action action) {
        if (action != Action.APPLY || !f.leftChanges() || f.committed() <= 0 || f.statementIndex() < 0
                || executable.statements().isEmpty()) {
            return null;
        }
        return StatementProgress.of(executable.statements(), f.committed(), f.statementIndex()).format();
    }

    /** "; statements 1-2 of 5 were committed", or nothing when none or unknown. */
    private static String committedText(ExecutionFailure f) {
        if (f.committed() <= 0 || f.statementCount() == 0) {
            return "";
        }
        return "; statement" + (f.committed() == 1 ? " 1 of " + f.statementCount() + " was"
                : "s 1-" + f.committed() + " of " + f.statementCount() + " were") + " committed";
    }

    /**
     * The session running the migration ended under it. No history row can be written on it, so none is attempted:
     * the message says what stayed applied, judged from what the target ran before the session ended. Where the
     * lock was that session's, it is lost too ({@link LostLockException}); a lease-locked target lost only its
     * connection ({@link TargetException}).
     */
    private MigratorException sessionEnded(ResolvedMigration m, String script, Action action, ExecutionFailure f,
                                           String label, String cause, Duration took) {
        boolean lockLost = run.session.lock() instanceof SessionLock;
        String what = lockLost ? "The server ended the database session holding the migration lock ("
                + f.sessionEnded() + ")" : "The database session running the migrations ended (" + f.sessionEnded()
                + ")";
        String ran;
        if (f.stage() == ExecutionFailure.Stage.PREPARING) {
            ran = "stopped before " + label + "; nothing of it ran.";
        } else if (!f.leftChanges()) {
            ran = "while " + label + " ran" + (f.statementIndex() >= 0 ? " (statement " + (f.statementIndex() + 1)
                    + " of " + f.statementCount() + ", line " + f.line() + ")" : "") + "; its transaction ended with "
                    + "the session, so nothing of it stayed applied.";
        } else {
            ran = "while " + label + " ran" + (f.statementIndex() >= 0 ? " (statement " + (f.statementIndex() + 1)
                    + " of " + f.statementCount() + ", line " + f.line() + ")" : "") + committedText(f)
                    + " and stay applied; its STARTED row blocks a blind re-run.";
        }
        String next = !f.leftChanges() ? " No history row was written for it. Run "
                + (action == Action.UNDO ? "rollback" : "migrate") + " again: it " + (action == Action.UNDO
                ? "undoes" : "applies") + " it from the start."
                : " Check what stayed applied, then run repair() if you undid it by hand, or markApplied(\""
                + m.versionText() + "\", \"<reason>\") if you finished it by hand, and migrate again.";
        String message = what + ": " + ran + next + " (The database said: " + cause + ")";
        MigratorException error = lockLost ? new LostLockException(message, f.getCause())
                : new TargetException(message, f.getCause());
        event(action, m, script, "FAILED", took, "session ended: " + f.sessionEnded());
        notifyFailure(m, action, script, took, error);
        return error;
    }

    private void notifyFailure(ResolvedMigration m, Action action, String script, Duration took,
                               MigratorException error) {
        try {
            run.listener.onFailure(new MigrationEvent(run.runId, action.name(), m.versionText(), m.description(),
                    script, run.target, took), error);
        } catch (RuntimeException listenerFailure) {
            error.addSuppressed(listenerFailure);
        }
    }

    private HistoryRecord record(ResolvedMigration m, String script, String checksum, Action action, Outcome outcome,
                                 Instant on, long millis, String error) {
        return run.record(m.versionText(), m.description(), m.type().name(), script, checksum, action, outcome, on,
                millis, error);
    }

    private void event(Action action, ResolvedMigration m, String script, String outcome, Duration took,
                       String error) {
        if (EVENTS.isInfoEnabled()) {
            EVENTS.info(events.event(action.name(), m.versionText(), m.description(), script, outcome, took, error));
        }
    }
}
