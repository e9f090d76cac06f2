package dev.migrator.core;

import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.HistoryRecord.Action;
import dev.migrator.api.spi.ScriptStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which FAILED migrations resume where they stopped (where DDL commits implicitly, {@link StatementProgress}), and
 * why the others cannot.
 *
 * @param from     per resumable version, the index of the statement it resumes at
 * @param problems one line per FAILED migration that cannot resume yet, saying what to do
 */
record Resumption(Map<Version, Integer> from, List<String> problems) {

    /**
     * The FAILED migrations that can resume where they stopped (DDL committed implicitly): the statements the failed
     * run committed are unchanged and the one that failed was edited. Others get a line saying what blocks them.
     */
    static Resumption of(List<ResolvedMigration> resolved, HistoryState state,
                         Function<ResolvedMigration, Executable> prepared) {
        Map<Version, Integer> from = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (ResolvedMigration m : resolved) {
            HistoryState.Entry e = m.repeatable() ? null : state.get(m.version());
            StatementProgress progress = e == null || e.failure() == null || e.failure().action() != Action.APPLY
                    ? null : StatementProgress.parse(e.failure().progress());
            if (progress == null || !(m.up() instanceof MigrationSource.Script)) {
                continue;
            }
            List<ScriptStatement> statements = prepared.apply(m).statements();
            int changed = progress.firstChangedCommitted(statements);
            if (changed >= 0) {
                problems.add(m.label() + ": statement " + (changed + 1) + (changed < statements.size() ? " (line "
                        + statements.get(changed).line() + ")" : "") + " was committed by the failed run on "
                        + e.failure().installedOn() + " and has changed since, so the run cannot resume after it. "
                        + "Restore statements 1-" + progress.committed() + " as they ran, then fix statement "
                        + (progress.failedIndex() + 1));
            } else if (progress.failedUnchanged(statements)) {
                problems.add(m.label() + ": fix statement " + (progress.failedIndex() + 1) + " (line "
                        + statements.get(progress.failedIndex()).line() + "), which failed, and migrate again: it "
                        + "resumes at statement " + (progress.committed() + 1) + " (statements 1-" + progress.committed()
                        + " stay committed)");
            } else {
                from.put(m.version(), progress.committed());
            }
        }
        return new Resumption(Map.copyOf(from), List.copyOf(problems));
    }

    /** The planner's problems with these added. */
    List<String> with(List<String> planProblems) {
        if (problems.isEmpty()) {
            return planProblems;
        }
        List<String> all = new ArrayList<>(planProblems);
        all.addAll(problems);
        return all;
    }
}
