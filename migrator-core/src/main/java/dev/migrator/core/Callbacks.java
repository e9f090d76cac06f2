package dev.migrator.core;

import dev.migrator.api.LostLockException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.MigratorException;
import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.ExecutionFailure;
import dev.migrator.api.internal.Secrets;
import dev.migrator.api.spi.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Flyway's SQL callbacks: scripts in the locations named after an event ({@code beforeMigrate.sql}, or
 * {@code afterMigrate__grants.sql} with a description), run when that event happens, so a Flyway project's
 * callbacks keep working unchanged.
 *
 * <p>They are not migrations: never in the history, never pending, no checksum. They run on the run's session while
 * it holds the migration lock, with placeholders replaced, several for one event in file name order (as Flyway orders
 * them). Each runs as a script does: in its own transaction where the database allows it. A failing callback fails
 * the run; a failing {@code before...} callback stops it before anything is migrated.
 *
 * <p>An event migrator has no command for ({@code beforeClean}, the per-statement events, ...) is refused by
 * discovery, naming the file: a callback that would silently never run is worse than none.
 */
final class Callbacks {
    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

    static final String BEFORE_MIGRATE = "beforeMigrate";
    static final String BEFORE_EACH_MIGRATE = "beforeEachMigrate";
    static final String AFTER_EACH_MIGRATE = "afterEachMigrate";
    static final String AFTER_EACH_MIGRATE_ERROR = "afterEachMigrateError";
    static final String BEFORE_REPEATABLES = "beforeRepeatables";
    static final String AFTER_VERSIONED = "afterVersioned";
    static final String AFTER_MIGRATE = "afterMigrate";
    static final String AFTER_MIGRATE_APPLIED = "afterMigrateApplied";
    static final String AFTER_MIGRATE_ERROR = "afterMigrateError";
    static final String BEFORE_UNDO = "beforeUndo";
    static final String BEFORE_EACH_UNDO = "beforeEachUndo";
    static final String AFTER_EACH_UNDO = "afterEachUndo";
    static final String AFTER_EACH_UNDO_ERROR = "afterEachUndoError";
    static final String AFTER_UNDO = "afterUndo";
    static final String AFTER_UNDO_ERROR = "afterUndoError";
    static final String BEFORE_VALIDATE = "beforeValidate";
    static final String AFTER_VALIDATE = "afterValidate";
    static final String AFTER_VALIDATE_ERROR = "afterValidateError";
    static final String BEFORE_INFO = "beforeInfo";
    static final String AFTER_INFO = "afterInfo";
    static final String AFTER_INFO_ERROR = "afterInfoError";
    static final String BEFORE_BASELINE = "beforeBaseline";
    static final String AFTER_BASELINE = "afterBaseline";
    static final String AFTER_BASELINE_ERROR = "afterBaselineError";
    static final String BEFORE_REPAIR = "beforeRepair";
    static final String AFTER_REPAIR = "afterRepair";
    static final String AFTER_REPAIR_ERROR = "afterRepairError";

    /** The events migrator runs: every Flyway event of migrate, undo (rollback), validate, info, baseline, repair. */
    static final Set<String> SUPPORTED = Set.of(BEFORE_MIGRATE, BEFORE_EACH_MIGRATE, AFTER_EACH_MIGRATE,
            AFTER_EACH_MIGRATE_ERROR, BEFORE_REPEATABLES, AFTER_VERSIONED, AFTER_MIGRATE, AFTER_MIGRATE_APPLIED,
            AFTER_MIGRATE_ERROR, BEFORE_UNDO, BEFORE_EACH_UNDO, AFTER_EACH_UNDO, AFTER_EACH_UNDO_ERROR, AFTER_UNDO,
            AFTER_UNDO_ERROR, BEFORE_VALIDATE, AFTER_VALIDATE, AFTER_VALIDATE_ERROR, BEFORE_INFO, AFTER_INFO,
            AFTER_INFO_ERROR, BEFORE_BASELINE, AFTER_BASELINE, AFTER_BASELINE_ERROR, BEFORE_REPAIR, AFTER_REPAIR,
            AFTER_REPAIR_ERROR);

    /** Flyway events with no migrator equivalent, and why: refused rather than never run. */
    static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("beforeClean", "migrator has no clean command"),
            Map.entry("afterClean", "migrator has no clean command"),
            Map.entry("afterCleanError", "migrator has no clean command"),
            Map.entry("beforeEachMigrateStatement", "migrator runs no callback per statement"),
            Map.entry("afterEachMigrateStatement", "migrator runs no callback per statement"),
            Map.entry("afterEachMigrateStatementError", "migrator runs no callback per statement"),
            Map.entry("beforeEachUndoStatement", "migrator runs no callback per statement"),
            Map.entry("afterEachUndoStatement", "migrator runs no callback per statement"),
            Map.entry("afterEachUndoStatementError", "migrator runs no callback per statement"),
            Map.entry("createSchema", "migrator creates the schema itself and runs no callback for it"),
            Map.entry("beforeConnect", "migrator runs no callback before connecting"),
            Map.entry("afterConnect", "migrator runs no callback per connection"));

    static final Callbacks NONE = new Callbacks(Map.of());

    private final Map<String, List<MigrationSource.Script>> byEvent;

    private Callbacks(Map<String, List<MigrationSource.Script>> byEvent) {
        this.byEvent = byEvent;
    }

    /**
     * The event a script's name (without its suffix) calls for: {@code beforeMigrate} for {@code beforeMigrate} and
     * {@code beforeMigrate__flush}; null when it names no Flyway event. Events are matched exactly, as Flyway does.
     */
    static String eventOf(String base) {
        int sep = base.indexOf("__");
        String event = sep < 0 ? base : base.substring(0, sep);
        return SUPPORTED.contains(event) || UNSUPPORTED.containsKey(event) ? event : null;
    }

    /** Gathers callback scripts as discovery finds them. */
    static final class Collector {
        private final Map<String, List<MigrationSource.Script>> found = new TreeMap<>();

        /**
         * Adds a script named for an event; a problem (named with the script's path) when the event has no migrator
         * equivalent.
         */
        void add(String event, MigrationSource.Script script, List<String> problems) {
            String why = UNSUPPORTED.get(event);
            if (why != null) {
                problems.add(script.path() + " is a Flyway " + event + " callback, which would never run: " + why
                        + ". Remove it, or move what it does into a migration or another callback (see "
                        + "docs/flyway-habits.md)");
                return;
            }
            found.computeIfAbsent(event, k -> new ArrayList<>()).add(script);
        }

        Callbacks callbacks() {
            if (found.isEmpty()) {
                return NONE;
            }
            found.values().forEach(list -> list.sort(Comparator.comparing(MigrationSource.Script::name)
                    .thenComparing(MigrationSource.Script::path)));
            return new Callbacks(Map.copyOf(found));
        }
    }

    boolean has(String... events) {
        for (String event : events) {
            if (byEvent.containsKey(event)) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return byEvent.isEmpty();
    }

    /**
     * Binds the callbacks to the session of one run; {@code textOf} gives a script's text, placeholders replaced, and
     * {@code secrets} the values no message may show (those of secret placeholders).
     */
    Run on(TargetSession session, Function<MigrationSource.Script, String> textOf, List<String> secrets,
           Clock clock) {
        return new Run(session, textOf, secrets, clock);
    }

    /** The callbacks of one run. */
    final class Run {
        private final TargetSession session;
        private final Function<MigrationSource.Script, String> textOf;
        private final List<String> secrets;
        /** The engine's clock, which times each callback. */
        private final Clock clock;

        private Run(TargetSession session, Function<MigrationSource.Script, String> textOf, List<String> secrets,
                    Clock clock) {
            this.session = session;
            this.textOf = textOf;
            this.secrets = List.copyOf(secrets);
            this.clock = clock;
        }

        boolean has(String event) {
            return byEvent.containsKey(event);
        }

        /**
         * Runs the callbacks of one event, in file name order.
         *
         * @throws MigrationFailedException naming the callback, its line and statement, when one fails
         */
        void run(String event) {
            for (MigrationSource.Script script : byEvent.getOrDefault(event, List.of())) {
                long start = clock.millis();
                Executable executable = session.prepareScript(script.name(), textOf.apply(script));
                try {
                    // No history row: a callback is not a migration (null success row, as the SPI allows).
                    session.run(executable, null, null);
                } catch (ExecutionFailure f) {
                    throw failed(event, script, f, secrets);
                }
                LOG.info("Ran callback {} ({}) in {} ms", script.name(), event,
                        Math.max(0, clock.millis() - start));
            }
        }

        /**
         * Runs an error event's callbacks after {@code error} ended the operation; their own failure is added to
         * {@code error} as suppressed. Nothing runs once the lock is lost: another instance may be migrating.
         */
        void runAfterError(String event, RuntimeException error) {
            if (!has(event) || error instanceof LostLockException) {
                return;
            }
            try {
                run(event);
            } catch (RuntimeException callbackFailure) {
                error.addSuppressed(callbackFailure);
            }
        }
    }

    private static MigratorException failed(String event, MigrationSource.Script script, ExecutionFailure f,
                                            List<String> secrets) {
        // As for migrations: secret placeholder values, and the password literals the statement holds, never show.
        List<String> known = new ArrayList<>(secrets);
        known.addAll(Secrets.secretsIn(f.statement()));
        String cause = Secrets.scrub(String.valueOf(f.getCause() == null ? f.getMessage()
                : f.getCause().getMessage()), known);
        String where = f.statementIndex() >= 0
                ? " at line " + f.line() + " (statement " + (f.statementIndex() + 1) + ")" : "";
        String statement = f.statement() == null ? null : Secrets.shorten(Secrets.scrub(f.statement(), secrets), 300);
        String when = event.startsWith("before")
                ? "It runs before " + (event.startsWith("beforeEach") ? "each" : "the") + " operation, so that stopped "
                + "here."
                : "It is a callback, not a migration: it has no history row.";
        String message = "Callback " + script.path() + " (" + event + ") failed" + where + ": " + cause
                + (statement == null ? "" : "\n  Statement: " + statement) + "\n  " + when + " Fix the callback"
                + (f.leftChanges() ? " (part of it stayed applied: the database could not roll it back)" : "")
                + " and run again.";
        return new MigrationFailedException(message, f.getCause(), null, script.name(), f.line(), statement,
                f.leftChanges());
    }
}
