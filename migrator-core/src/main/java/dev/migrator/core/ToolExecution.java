package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.MigratorException;
import dev.migrator.api.RunEvent;
import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.ForeignTable;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryRecord.Action;
import dev.migrator.api.spi.HistoryRecord.Outcome;
import dev.migrator.api.internal.Secrets;
import dev.migrator.api.spi.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code exec}: runs another tool's migration command ({@code alembic upgrade head}, {@code npx knex migrate:latest},
 * ...) while holding migrator's lock, so that N replicas or pipeline jobs starting together run it one at a time,
 * and records what it changed.
 *
 * <p>The run goes <b>lock → create the history if missing → read the tool's history → run the command → read the
 * tool's history again → record → unlock</b>. What changed is the difference between the two reads, as the tool's
 * {@link ForeignTool} reads its table against the files (Alembic's graph turns a new head into the revisions it
 * brought); where the files disagree with the table, the rows themselves are compared. The record, in one
 * transaction: an {@code ADOPT} row for each migration the command applied (so {@code info()} lists it and a later
 * {@code adopt} writes nothing), an {@code UNDO} row for each adopted one it undid, and one {@code EXEC} row for the
 * command itself: who, host, the command with secrets masked, its duration and outcome.
 *
 * <p>The command's standard output goes to {@code output} (the CLI's standard error, so that a {@code --json} report
 * stays the only thing on standard output), its standard error to the process's. Its exit status is the result's; a
 * failed command is recorded too, with what it changed before failing.
 */
final class ToolExecution {
    private static final Logger LOG = LoggerFactory.getLogger(ToolExecution.class);
    private static final Logger EVENTS = LoggerFactory.getLogger("dev.migrator.events");
    private static final Pattern SECRET_FLAG = Pattern.compile(
            "(?i)^-{1,2}[\\w.-]*(password|passwd|pwd|secret|token)[\\w.-]*$");

    private final MigratorConfig config;
    private final ForeignTool tool;
    private final List<String> command;
    private final OutputStream output;

    ToolExecution(MigratorConfig config, ForeignTool tool, List<String> command, OutputStream output) {
        this.config = config;
        this.tool = tool;
        this.command = List.copyOf(command);
        this.output = output;
    }

    ExecResult run() {
        String shown = shown(command);
        checkRunnable();
        List<ResolvedMigration> resolved = new MigrationDiscovery(config.target(),
                new Placeholders(config.placeholders(), config.replacePlaceholders()), config.classLoader())
                .discover(config.locations(), config.defaultLocations(), config.migrations());
        Adoption adoption = new Adoption(tool, null, config);
        String runId = RunIds.next();
        try (TargetSession session = config.target().open(config.settings())) {
            String target = session.describe();
            config.listener().beforeRun(new RunEvent(null, "exec", target, null, null, 0, -1, Duration.ZERO));
            long began = System.nanoTime();
            try {
                ExecResult result = locked(session, target, runId, adoption, resolved, shown);
                MigratorException failure = result.succeeded() ? null : new MigrationFailedException(tool.name()
                        + " command failed with exit status " + result.exitCode() + ": " + shown, null, null, shown,
                        0, null, !result.applied().isEmpty() || !result.undone().isEmpty());
                config.listener().afterRun(new RunEvent(runId, "exec", target, null, null,
                        result.applied().size() + result.undone().size(), -1,
                        Duration.ofNanos(System.nanoTime() - began)), failure);
                return result;
            } catch (MigratorException e) {
                config.listener().afterRun(new RunEvent(runId, "exec", target, null, null, 0, -1,
                        Duration.ofNanos(System.nanoTime() - began)), e);
                throw e;
            }
        }
    }

    private ExecResult locked(TargetSession session, String target, String runId, Adoption adoption,
                              List<ResolvedMigration> resolved, String shown) {
        try (LockedRun locked = LockedRun.take(config, session, target, runId)) {
            RunContext run = locked.run;
            Map<String, ForeignMigration> before = applied(session, adoption, resolved);
            Instant started = config.clock().instant();
            LOG.info("Running {} under the migration lock of {}: {}", tool.name(), target, shown);
            long t0 = System.nanoTime();
            int exit = execute(shown);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            Map<String, ForeignMigration> after = applied(session, adoption, resolved);

            // Read now, under the lock, so the ranks follow whatever was written while the command ran.
            HistoryState state = locked.history();
            List<HistoryRecord> rows = new ArrayList<>();
            List<String> applied = new ArrayList<>();
            List<String> undone = new ArrayList<>();
            String note = "by " + tool.name() + " exec: " + shown;
            for (ForeignMigration m : after.values()) {
                if (before.containsKey(m.name())) {
                    continue;
                }
                applied.add(m.name());
                HistoryState.Entry e = m.version() != null ? state.get(m.version()) : state.getRepeatable(m.description());
                if (e == null || !(e.isApplied() || e.isFailed())) {
                    rows.add(run.record(m.version() == null ? null : m.version().toString(), m.description(),
                            m.type(), m.script(), m.checksum(), Action.ADOPT, Outcome.SUCCESS,
                            m.installedOn() != null ? m.installedOn() : config.clock().instant(), 0, null)
                            .withNote(Secrets.shorten("applied " + note, 2_000)));
                }
            }
            for (ForeignMigration m : before.values()) {
                if (after.containsKey(m.name())) {
                    continue;
                }
                undone.add(m.name());
                HistoryState.Entry e = m.version() != null ? state.get(m.version()) : state.getRepeatable(m.description());
                if (e != null && e.isAdopted()) {
                    HistoryRecord a = e.applied();
                    rows.add(run.record(a.version(), a.description(), a.type(), a.script(), e.checksum(), Action.UNDO,
                            Outcome.SUCCESS, config.clock().instant(), 0, null).withNote(Secrets.shorten("undone " + note, 2_000)));
                }
            }
            String changes = "applied " + (applied.isEmpty() ? "nothing" : String.join(", ", applied))
                    + (undone.isEmpty() ? "" : "; undone " + String.join(", ", undone));
            rows.add(run.record(null, Secrets.shorten(tool.name() + " exec", 200), tool.name()
                            .toUpperCase(java.util.Locale.ROOT), Secrets.shorten(shown, 1_000), null, Action.EXEC,
                    exit == 0 ? Outcome.SUCCESS : Outcome.FAILED, started, took.toMillis(),
                    exit == 0 ? null : "exit status " + exit).withNote(Secrets.shorten(changes, 2_000)));
            session.history().appendAll(rows);
            for (String name : applied) {
                event(runId, target, "APPLY", after.get(name), exit);
            }
            for (String name : undone) {
                event(runId, target, "UNDO", before.get(name), exit);
            }
            if (exit == 0) {
                LOG.info("{} exec succeeded in {} ms on {}: {}", tool.name(), took.toMillis(), target, changes);
            } else {
                LOG.error("{} exec failed with exit status {} after {} ms on {}: {}", tool.name(), exit,
                        took.toMillis(), target, changes);
            }
            return new ExecResult(tool.name(), shown, exit, applied, undone, took, target);
        }
    }

    /** The tool's applied migrations by name, in its order; empty before its table exists. */
    private Map<String, ForeignMigration> applied(TargetSession session, Adoption adoption,
                                                  List<ResolvedMigration> resolved) {
        Map<String, ForeignMigration> byName = new LinkedHashMap<>();
        try {
            ForeignTool.ForeignHistory history = adoption.read(session, resolved, false);
            if (history != null) {
                history.applied().forEach(m -> byName.put(m.name(), m));
            }
        } catch (ValidationException e) {
            // The files disagree with the table (a location not given, a file not deployed): compare the rows.
            LOG.warn("The {} history disagrees with the files in {}, so exec compares its rows instead: {}",
                    tool.name(), config.locations(), e.problems());
            ForeignTable table = session.readForeignTable(tool.defaultTable());
            for (ForeignTable.Row row : table == null ? List.<ForeignTable.Row>of() : table.rows()) {
                String key = rowKey(row);
                byName.put(key, ForeignMigration.named(tool.name(), key, table.name(), row.time("applied"), null));
            }
        }
        return byName;
    }

    /** What identifies a row of any tool's table: Django's app.name, else its name, version or the whole row. */
    static String rowKey(ForeignTable.Row row) {
        if (row.has("app") && row.has("name")) {
            return row.text("app") + "." + row.text("name");
        }
        for (String column : List.of("version_num", "name", "script", "id")) {
            if (row.has(column)) {
                return row.text(column);
            }
        }
        return new java.util.TreeMap<>(row.values()).toString();
    }

    /** Runs the command to its end; its standard output is copied to {@code output}. */
    private int execute(String shown) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.INHERIT);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            LOG.error("{} exec could not start {}: {}", tool.name(), shown, e.getMessage());
            return 127;
        }
        Thread copier = new Thread(() -> copy(process.getInputStream()), "migrator-exec-output");
        copier.setDaemon(true);
        copier.start();
        try {
            int exit = process.waitFor();
            copier.join();
            return exit;
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new ConfigurationException(tool.name() + " exec was interrupted while " + shown + " ran; it was "
                    + "stopped, and nothing was recorded");
        }
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (output) {
                    output.write(buffer, 0, n);
                    output.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void event(String runId, String target, String action, ForeignMigration m, int exit) {
        if (m != null && EVENTS.isInfoEnabled()) {
            EVENTS.info(JsonEvents.event(runId, target, action, m.version() == null ? null : m.version().toString(),
                    m.description(), m.script(), exit == 0 ? "SUCCESS" : "FAILED", Duration.ZERO, null));
        }
    }

    /**
     * Refuses, before locking anything, a command that is empty or whose program cannot be found: nothing would run.
     */
    private void checkRunnable() {
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new ConfigurationException("exec: name the " + tool.name() + " command to run, such as "
                    + example(tool.name()));
        }
        String program = command.get(0);
        if (program.contains("/") || program.contains(File.separator)) {
            if (!Files.isExecutable(Path.of(program))) {
                throw new ConfigurationException("exec: " + program + " is not an executable file; check the path");
            }
            return;
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        throw new ConfigurationException("exec: '" + program + "' is not on the PATH; install it (for "
                + tool.name() + ": " + example(tool.name()) + ") or give its full path");
    }

    static String example(String tool) {
        return switch (tool) {
            case "alembic" -> "alembic upgrade head";
            case "django" -> "python manage.py migrate";
            case "knex" -> "npx knex migrate:latest";
            case "sequelize" -> "npx sequelize-cli db:migrate";
            case "flyway" -> "flyway migrate";
            default -> "liquibase update";
        };
    }

    /** The command as recorded and logged: password-like values and URL passwords masked. */
    static String shown(List<String> command) {
        List<String> parts = new ArrayList<>();
        boolean hideNext = false;
        for (String arg : command) {
            if (hideNext) {
                parts.add("****");
                hideNext = false;
                continue;
            }
            hideNext = SECRET_FLAG.matcher(arg).matches();
            parts.add(Secrets.mask(arg.contains(" ") ? "'" + arg + "'" : arg));
        }
        return String.join(" ", parts);
    }
}
