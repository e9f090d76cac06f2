package dev.migrator.core;

import dev.migrator.api.IrreversibleMigrationException;
import dev.migrator.api.ValidationException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Planning a rollback: which applied migrations to undo, newest application first, and whether the whole path can
 * be undone. Everything is checked before the first down runs, so a refused rollback changes nothing.
 */
final class RollbackPlanner {

    /**
     * A checked rollback.
     *
     * @param steps    the migrations whose downs run, most recently applied first
     * @param unadopt  when the path reaches an adoption: every entry it took over, undone together as one step by
     *                 history rows only (nothing runs; the other tool's table is left as it is); else empty
     */
    record Path(List<ResolvedMigration> steps, List<HistoryState.Entry> unadopt) {
    }

    private RollbackPlanner() {
    }

    /** The applied entries a rollback undoes, and whether it reaches the adoption (undone as one step). */
    private record Chosen(List<HistoryState.Entry> path, boolean unadopt) {
    }

    /**
     * The migrations to undo, most recently applied first.
     *
     * @param count  how many to undo, or 0 when {@code to} is given
     * @param to     the version the schema should end at, or null
     * @throws IrreversibleMigrationException when a migration on the path has no down
     * @throws ValidationException            for every other reason the path cannot be undone
     */
    static Path plan(List<ResolvedMigration> resolved, HistoryState history, int count, Version to) {
        List<String> problems = failedProblems(history);
        List<HistoryState.Entry> applied = appliedNewestFirst(history);
        List<HistoryState.Entry> adopted = history.adoptedEntries();
        Chosen chosen = to == null ? byCount(history, applied, adopted, count) : downTo(history, applied, adopted, to);

        List<ResolvedMigration> steps = new ArrayList<>();
        List<String> irreversible = new ArrayList<>();
        resolve(resolved, history, chosen.path(), steps, irreversible, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException("Cannot roll back; nothing was changed", problems);
        }
        if (!irreversible.isEmpty()) {
            throw new IrreversibleMigrationException("Cannot roll back; nothing was changed: version"
                    + (irreversible.size() > 1 ? "s " : " ") + String.join(", ", irreversible)
                    + " on the path " + (irreversible.size() > 1 ? "have" : "has")
                    + " no down migration. Add a U<version>__<description> script (or override down()), "
                    + "or roll back to a version above it", irreversible);
        }
        return new Path(steps, chosen.unadopt() ? adopted : List.of());
    }

    /** A FAILED migration anywhere blocks every rollback: its changes are unknown. */
    private static List<String> failedProblems(HistoryState history) {
        List<String> problems = new ArrayList<>();
        for (HistoryState.Entry e : history.versionedEntries()) {
            if (e.isFailed()) {
                problems.add("version " + e.key() + " is FAILED: finish or undo its changes by hand and run repair() "
                        + "before rolling back");
            }
        }
        return problems;
    }

    /** What a rollback may undo one by one (not a baseline, not adopted), most recently applied first. */
    private static List<HistoryState.Entry> appliedNewestFirst(HistoryState history) {
        List<HistoryState.Entry> applied = new ArrayList<>();
        for (HistoryState.Entry e : history.versionedEntries()) {
            if (e.isApplied() && !e.isBaseline() && !e.isAdopted()) {
                applied.add(e);
            }
        }
        applied.sort(Comparator.comparingInt(HistoryState.Entry::appliedRank).reversed());
        return applied;
    }

    /** The last {@code count} steps, the adoption being one step at the place it took in the history. */
    private static Chosen byCount(HistoryState history, List<HistoryState.Entry> applied,
                                  List<HistoryState.Entry> adopted, int count) {
        int adoptionRank = adopted.isEmpty() ? -1 : adopted.get(adopted.size() - 1).appliedRank();
        int steps = applied.size() + (adopted.isEmpty() ? 0 : 1);
        if (count > steps) {
            throw new ValidationException("Cannot roll back " + count + (count == 1 ? " migration" : " migrations")
                    + "; nothing was changed",
                    List.of("only " + applied.size() + (applied.size() == 1 ? " versioned migration is applied"
                            : " versioned migrations are applied")
                            + (adopted.isEmpty() ? "" : " after the adoption of " + adopted.size()
                            + " migration" + (adopted.size() == 1 ? "" : "s") + " of another tool (undone as one step)")
                            + (history.baseline() != null ? " above the baseline " + history.baseline() : "")));
        }
        List<HistoryState.Entry> path = new ArrayList<>();
        boolean unadopt = false;
        int taken = 0;
        for (HistoryState.Entry e : applied) {
            if (taken == count) {
                break;
            }
            if (!unadopt && e.appliedRank() < adoptionRank) {
                unadopt = true;
                taken++;
                if (taken == count) {
                    break;
                }
            }
            path.add(e);
            taken++;
        }
        return new Chosen(path, unadopt || taken < count && !adopted.isEmpty());
    }

    /** Every step above version {@code to}, which must be applied (or the baseline). */
    private static Chosen downTo(HistoryState history, List<HistoryState.Entry> applied,
                                 List<HistoryState.Entry> adopted, Version to) {
        HistoryState.Entry target = history.get(to);
        boolean atBaseline = to.equals(history.baseline());
        if (!atBaseline && (target == null || !target.isApplied())) {
            throw new ValidationException("Cannot roll back to version " + to + "; nothing was changed",
                    List.of("version " + to + " is not applied: pick an applied version (see info())"));
        }
        if (history.baseline() != null && to.compareTo(history.baseline()) < 0) {
            throw new ValidationException("Cannot roll back to version " + to + "; nothing was changed",
                    List.of("version " + to + " is below the baseline " + history.baseline()
                            + ", which has no down migrations"));
        }
        List<HistoryState.Entry> path = new ArrayList<>();
        for (HistoryState.Entry e : applied) {
            if (e.version().compareTo(to) > 0) {
                path.add(e);
            }
        }
        boolean unadopt = false;
        List<String> kept = new ArrayList<>();
        for (HistoryState.Entry e : adopted) {
            if (e.version() != null && !e.isBaseline()) {
                if (e.version().compareTo(to) > 0) {
                    unadopt = true;
                } else {
                    kept.add(e.key());
                }
            }
        }
        if (unadopt && !kept.isEmpty()) {
            throw new ValidationException("Cannot roll back to version " + to + "; nothing was changed",
                    List.of("versions " + kept.get(0) + " to " + adopted.get(adopted.size() - 1).key() + " were "
                            + "adopted from another tool together, and are undone together: roll back to a "
                            + "version after the adoption, or undo the whole adoption"));
        }
        return new Chosen(path, unadopt);
    }

    /**
     * The migration of each entry on the path, into {@code steps}; those without a down into {@code irreversible};
     * and into {@code problems}, a step whose migration is gone or changed, or a migration pending inside the path.
     */
    private static void resolve(List<ResolvedMigration> resolved, HistoryState history, List<HistoryState.Entry> path,
                                List<ResolvedMigration> steps, List<String> irreversible, List<String> problems) {
        Map<Version, ResolvedMigration> byVersion = new HashMap<>();
        for (ResolvedMigration m : resolved) {
            if (!m.repeatable()) {
                byVersion.put(m.version(), m);
            }
        }
        Version lowest = null;
        Version highest = null;
        for (HistoryState.Entry e : path) {
            ResolvedMigration m = byVersion.get(e.version());
            lowest = lowest == null || e.version().compareTo(lowest) < 0 ? e.version() : lowest;
            highest = highest == null || e.version().compareTo(highest) > 0 ? e.version() : highest;
            if (m == null) {
                problems.add("version " + e.key() + " (" + e.applied().script() + ") is applied but its migration is "
                        + "no longer found, so its down is unknown: restore it");
                continue;
            }
            if (Checksums.differs(m, e.checksum())) {
                problems.add(m.label() + " changed since it was applied, so its down may not match what the database "
                        + "holds: restore the script, or run repair() if the database matches the new one");
            }
            if (!m.reversible()) {
                irreversible.add(m.versionText());
            }
            steps.add(m);
        }
        if (lowest != null) {
            pendingInside(resolved, history, lowest, highest, problems);
        }
    }

    /** A migration pending between two the rollback undoes makes the order ambiguous. */
    private static void pendingInside(List<ResolvedMigration> resolved, HistoryState history, Version lowest,
                                      Version highest, List<String> problems) {
        for (ResolvedMigration m : resolved) {
            if (m.repeatable() || m.version().compareTo(lowest) <= 0 || m.version().compareTo(highest) >= 0) {
                continue;
            }
            HistoryState.Entry e = history.get(m.version());
            if (e == null || !e.isApplied()) {
                problems.add(m.label() + " is pending between versions " + lowest + " and " + highest
                        + " of the rollback, so the order to undo in is ambiguous: apply it first, or remove it");
            }
        }
    }
}
