package dev.migrator.core;

import dev.migrator.api.MigratorException;
import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.LintInput;
import dev.migrator.api.spi.LintIssue;
import dev.migrator.api.spi.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lints the pending migrations before they run: hands their scripts to the target's linter (which knows the dialect
 * and, connected, the tables and their sizes), keeps the findings nobody acknowledged, and turns the acknowledged ones
 * into the note each migration's history row records. {@link LintMode} decides what a run does with the findings.
 */
final class MigrationLinter {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationLinter.class);

    /**
     * What the linter found.
     *
     * @param findings the findings no {@code -- migrator:allow} comment acknowledges, in script order
     * @param notes    per script name, the acknowledgements to record in that migration's history row
     */
    record Result(List<LintFinding> findings, Map<String, String> notes) {
        static final Result NONE = new Result(List.of(), Map.of());

        Result {
            findings = List.copyOf(findings);
            notes = Map.copyOf(notes);
        }

        /**
         * The acknowledgements of one migration, as its history row should record them
         * ({@code "lint allowed PG-INDEX-NOT-CONCURRENT: reason"}, several joined by {@code "; "}), or null.
         * Hook for the history row's {@code note} field.
         */
        String note(ResolvedMigration m) {
            return notes.get(m.script());
        }
    }

    private MigrationLinter() {
    }

    /**
     * The engine's hook before a run (migrate, plan): lints the pending migrations unless {@link LintMode#OFF}, logs
     * the findings ({@link LintMode#WARN}) or refuses the run ({@link LintMode#FAIL}).
     *
     * @throws ValidationException at {@link LintMode#FAIL} when a finding is not acknowledged; nothing has run
     */
    static Result beforeRun(MigratorConfig config, TargetSession session, List<ResolvedMigration> pending,
                            Placeholders placeholders) {
        if (config.lint() == LintMode.OFF || pending.isEmpty()) {
            return Result.NONE;
        }
        Result result = of(session.lint(inputs(pending, placeholders)));
        if (result.findings().isEmpty()) {
            return result;
        }
        if (config.lint() == LintMode.FAIL) {
            throw new ValidationException("The linter found " + result.findings().size() + " risk"
                    + (result.findings().size() == 1 ? "" : "s") + " in the pending migrations and lint(FAIL) is set; "
                    + "nothing was run. Make each change safe (see the fix), or acknowledge it with a comment "
                    + "'-- migrator:allow <RULE-ID> <reason>' on the line before its statement",
                    result.findings().stream().map(LintFinding::toString).toList());
        }
        result.findings().forEach(f -> LOG.warn("Lint: {}", f));
        return result;
    }

    /** The scripts of the pending migrations, placeholders replaced; Java migrations are not linted. */
    static List<LintInput> inputs(List<ResolvedMigration> pending, Placeholders placeholders) {
        List<LintInput> inputs = new ArrayList<>();
        for (ResolvedMigration m : pending) {
            if (m.up() instanceof MigrationSource.Script s) {
                inputs.add(new LintInput(s.name(), placeholders.replaceShown(s.text())));
            }
        }
        return inputs;
    }

    /** Splits the target's issues into unacknowledged findings and per-script notes. */
    static Result of(List<LintIssue> issues) {
        List<LintFinding> findings = new ArrayList<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (LintIssue i : issues) {
            if (i.acknowledgedBy() == null) {
                findings.add(new LintFinding(i.rule(), i.error() ? LintFinding.Severity.ERROR
                        : LintFinding.Severity.WARNING, i.script(), i.line(), i.statement(), i.message(), i.fix()));
            } else {
                String note = "lint allowed " + i.rule() + " (line " + i.line() + "): " + i.acknowledgedBy();
                notes.merge(i.script(), note, (a, b) -> a + "; " + b);
            }
        }
        return new Result(findings, notes);
    }

    /**
     * {@link Migrator#lint()}: lints the migrations pending on the target, or, when the target cannot be reached,
     * every script migration, offline.
     */
    static List<LintFinding> lint(MigratorConfig config) {
        Placeholders placeholders = new Placeholders(config.placeholders(), config.replacePlaceholders());
        List<ResolvedMigration> resolved = new MigrationDiscovery(config.target(), placeholders, config.classLoader())
                .discover(config.locations(), config.defaultLocations(), config.migrations());
        TargetSession session;
        try {
            session = config.target().open(config.settings());
        } catch (MigratorException e) {
            LOG.info("Cannot reach {} ({}); linting every migration offline", config.target(), e.getMessage());
            return of(config.target().lintOffline(inputs(resolved, placeholders))).findings();
        }
        try (session) {
            HistoryState state = session.history().exists() ? HistoryState.of(session.history().read())
                    : HistoryState.empty();
            List<ResolvedMigration> pending = MigrationPlanner.plan(resolved, state, null, config.outOfOrder())
                    .pending();
            return of(session.lint(inputs(pending, placeholders))).findings();
        }
    }
}
