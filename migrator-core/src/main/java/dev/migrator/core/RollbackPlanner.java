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

    /**
     * The migrations to undo, most recently applied first.
     *
     * @param count  how many to undo, or 0 when {@code to} is given
     * @param to     the version the schema should end at, or null
     * @throws IrreversibleMigrationException when a migration on the path has no down
     * @throws ValidationException            for every other reason the path cannot be undone
     */
    static Path plan(List<ResolvedMigration> resolved, HistoryState history, int count, Version to) {
        List<String> problems = new ArrayList<>();
        for (HistoryState.Entry e : history.versionedEntries()) {
            if (e.isFailed()) {
                problems.add("version " + e.key + " is FAILED: finish or undo its changes by hand and run repair() "
                        + "before rolling back");
            }
        }
        List<HistoryState.Entry> applied = new ArrayList<>();
        for (HistoryState.Entry e : history.versionedEntries()) {
            if (e.isApplied() && !e.isBaseline() && !e.isAdopted()) {
                applied.add(e);
            }
        }
        applied.sort(Comparator.comparingInt((HistoryState.Entry e) -> e.appliedRank).reversed());
        List<HistoryState.Entry> adopted = history.adoptedEntries();
        boolean unadopt = false;

        List<HistoryState.Entry> path = new ArrayList<>();
        if (to == null) {
            // The adoption is one step, at the place it took in the history.
            int adoptionRank = adopted.isEmpty() ? -1 : adopted.get(adopted.size() - 1).appliedRank;
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
            int taken = 0;
            for (HistoryState.Entry e : applied) {
                if (taken == count) {
                    break;
                }
                if (!unadopt && e.appliedRank < adoptionRank) {
                    unadopt = true;
                    taken++;
                    if (taken == count) {
                        break;
                    }
                }
                path.add(e);
                taken++;
            }
            if (taken < count && !adopted.isEmpty()) {
                unadopt = true;
            }
        } else {
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
            for (HistoryState.Entry e : applied) {
                if (e.version.compareTo(to) > 0) {
                    path.add(e);
                }
            }
            List<String> kept = new ArrayList<>();
            for (HistoryState.Entry e : adopted) {
                if (e.version != null && !e.isBaseline()) {
                    if (e.version.compareTo(to) > 0) {
                        unadopt = true;
                    } else {
                        kept.add(e.key);
                    }
                }
            }
            if (unadopt && !kept.isEmpty()) {
                throw new ValidationException("Cannot roll back to version " + to + "; nothing was changed",
                        List.of("versions " + kept.get(0) + " to " + adopted.get(adopted.size() - 1).key + " were "
                                + "adopted from another tool together, and are undone together: roll back to a "
                                + "version after the adoption, or undo the whole adoption"));
            }
        }

        Map<Version, ResolvedMigration> byVersion = new HashMap<>();
        for (ResolvedMigration m : resolved) {
            if (!m.repeatable()) {
                byVersion.put(m.version(), m);
            }
        }
        List<ResolvedMigration> steps = new ArrayList<>();
        List<String> irreversible = new ArrayList<>();
        Version lowest = null;
        Version highest = null;
        for (HistoryState.Entry e : path) {
            ResolvedMigration m = byVersion.get(e.version);
            lowest = lowest == null || e.version.compareTo(lowest) < 0 ? e.version : lowest;
            highest = highest == null || e.version.compareTo(highest) > 0 ? e.version : highest;
            if (m == null) {
                problems.add("version " + e.key + " (" + e.applied.script() + ") is applied but its migration is no "
                        + "longer found, so its down is unknown: restore it");
                continue;
            }
            if (m.checksum() != null && e.checksum != null && !m.checksum().equals(e.checksum)) {
                problems.add(m.label() + " changed since it was applied, so its down may not match what the database "
                        + "holds: restore the script, or run repair() if the database matches the new one");
            }
            if (!m.reversible()) {
                irreversible.add(m.versionText());
            }
            steps.add(m);
        }
        if (lowest != null) {
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
        return new Path(steps, unadopt ? adopted : List.of());
    }
}
