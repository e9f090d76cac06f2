package dev.migrator.core;

import dev.migrator.api.spi.HistoryRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Planning: joins what discovery found with what the history says, and decides each migration's state, what is
 * pending, and what is wrong. Pure and linear in the number of migrations: one pass over each list, hash look-ups
 * only (Flyway's validation grows faster than the work, flyway#4278).
 */
final class MigrationPlanner {

    /**
     * The outcome of planning.
     *
     * @param statuses every known migration with its state, in info() order
     * @param pending  what migrate would run, in order
     * @param problems what stops migrate (and validate), one line each
     * @param future   applied versions newer than any known migration: validate reports them, migrate tolerates
     *                 them so that an older instance can still boot during a rolling deployment
     */
    record Plan(List<MigrationStatus> statuses, List<ResolvedMigration> pending, List<String> problems,
                List<String> future) {
    }

    private MigrationPlanner() {
    }

    static Plan plan(List<ResolvedMigration> resolved, HistoryState history, Version upTo, boolean outOfOrder) {
        return plan(resolved, history, upTo, outOfOrder, Set.of());
    }

    /**
     * As above, where the FAILED migrations in {@code resumable} run again (from where they stopped) instead of
     * blocking the run: their committed statements were checked unchanged and their failing statement edited.
     */
    static Plan plan(List<ResolvedMigration> resolved, HistoryState history, Version upTo, boolean outOfOrder,
                     Set<Version> resumable) {
        Planning p = new Planning(history, upTo, outOfOrder, resumable);
        for (ResolvedMigration m : resolved) {
            if (!m.repeatable()) {
                p.versioned(m);
            }
        }
        p.appliedButNotFound();
        p.statuses = sortedByVersion(p.statuses);
        p.namedOnlyFirst(resolved);
        Set<String> knownRepeatables = new HashSet<>();
        for (ResolvedMigration m : resolved) {
            if (m.repeatable()) {
                knownRepeatables.add(m.description());
                p.repeatable(m);
            }
        }
        p.repeatablesNotFound(knownRepeatables);
        return new Plan(p.statuses, p.pending, p.problems, p.future);
    }

    /**
     * One planning, pass by pass: versioned migrations in version order, then applied ones no longer found, then
     * repeatables after every versioned migration, in description order. The one mutable thing here: its lists fill
     * as the passes run.
     */
    private static final class Planning {
        private final HistoryState history;
        private final Version upTo;
        private final boolean outOfOrder;
        private final Set<Version> resumable;
        private final Version current;
        private final Version baseline;
        private final Set<Version> outOfOrderApplied;
        private final Set<Version> known = new HashSet<>();
        private Version latestKnown;
        private boolean pendingBeyondTarget;
        List<MigrationStatus> statuses = new ArrayList<>();
        final List<ResolvedMigration> pending = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<String> future = new ArrayList<>();

        Planning(HistoryState history, Version upTo, boolean outOfOrder, Set<Version> resumable) {
            this.history = history;
            this.upTo = upTo;
            this.outOfOrder = outOfOrder;
            this.resumable = resumable;
            this.current = history.currentVersion();
            this.baseline = history.baseline();
            this.outOfOrderApplied = outOfOrderVersions(history);
        }

        /** A versioned migration discovery found: failed, baselined, applied (and unchanged?), or pending. */
        void versioned(ResolvedMigration m) {
            known.add(m.version());
            latestKnown = m.version();
            HistoryState.Entry e = history.get(m.version());
            if (e != null && e.isFailed()) {
                statuses.add(status(m, MigrationState.FAILED, e.failure().installedOn(), m.checksum()));
                if (resumable.contains(m.version()) && withinTarget(m)) {
                    pending.add(m);
                } else {
                    problems.add(failedProblem(m.label(), e.failure()));
                }
            } else if (e != null && e.isBaseline()) {
                statuses.add(status(m, MigrationState.BASELINE, e.applied().installedOn(), m.checksum()));
            } else if (e != null && e.isApplied()) {
                applied(m, e);
            } else {
                if (e != null && e.undone() != null) {
                    statuses.add(status(m, MigrationState.ROLLED_BACK, e.undone().installedOn(), m.checksum()));
                }
                notApplied(m);
            }
        }

        private boolean withinTarget(ResolvedMigration m) {
            return upTo == null || m.version().compareTo(upTo) <= 0;
        }

        private void applied(ResolvedMigration m, HistoryState.Entry e) {
            MigrationState state = e.isAdopted() ? MigrationState.ADOPTED
                    : outOfOrderApplied.contains(m.version()) ? MigrationState.OUT_OF_ORDER
                    : MigrationState.APPLIED;
            // In the rule the row was written with, so a v1 row is shown and compared as v1 (Checksums).
            String found = Checksums.inRuleOf(e.checksum(), m);
            statuses.add(status(m, state, e.applied().installedOn(), found));
            if (found != null && e.checksum() != null && !found.equals(e.checksum())) {
                problems.add(m.label() + ": the script changed since it was applied on " + e.applied().installedOn()
                        + " (recorded " + e.checksum() + ", found " + found + "). Restore it as it was "
                        + "applied; or, if the database already matches the new script, run repair() to "
                        + "re-align the checksum");
            }
        }

        /** Never applied, or undone: below the baseline, behind the current version, or pending. */
        private void notApplied(ResolvedMigration m) {
            if (baseline != null && m.version().compareTo(baseline) <= 0) {
                statuses.add(status(m, MigrationState.IGNORED, null, m.checksum()));
            } else if (current != null && m.version().compareTo(current) < 0 && !outOfOrder) {
                statuses.add(status(m, MigrationState.IGNORED, null, m.checksum()));
                problems.add(m.label() + " is pending, but version " + current + " is already applied: give it a "
                        + "version above " + current + ", or allow it with outOfOrder(true)");
            } else {
                statuses.add(status(m, MigrationState.PENDING, null, m.checksum()));
                if (withinTarget(m)) {
                    pending.add(m);
                } else {
                    pendingBeyondTarget = true;
                }
            }
        }

        /** Applied (or failed) versions that discovery no longer finds: missing, or from a newer release. */
        void appliedButNotFound() {
            for (HistoryState.Entry e : history.versionedEntries()) {
                if (known.contains(e.version()) || !(e.isApplied() || e.isFailed())) {
                    continue;
                }
                HistoryRecord row = e.isApplied() ? e.applied() : e.failure();
                if (e.isBaseline()) {
                    statuses.add(new MigrationStatus(e.key(), row.description(), MigrationType.BASELINE, row.script(),
                            MigrationState.BASELINE, false, row.installedOn(), null));
                    continue;
                }
                statuses.add(new MigrationStatus(e.key(), row.description(), typeOf(row), row.script(),
                        e.isFailed() ? MigrationState.FAILED : MigrationState.MISSING, false, row.installedOn(),
                        e.checksum()));
                if (e.isFailed()) {
                    problems.add(failedProblem(row.script() + " (version " + e.key() + ")", e.failure()));
                } else if (latestKnown == null || e.version().compareTo(latestKnown) > 0) {
                    future.add("version " + e.key() + " (" + row.script() + ") was applied on " + row.installedOn()
                            + " but is unknown to this application: a newer release applied it");
                } else {
                    problems.add("version " + e.key() + " (" + row.script() + ") was applied on " + row.installedOn()
                            + " but is no longer found in the locations: restore the migration");
                }
            }
        }

        /** Migrations another tool knows by name only (an Alembic revision, a Knex file): they came first. */
        void namedOnlyFirst(List<ResolvedMigration> resolved) {
            List<MigrationStatus> named = new ArrayList<>();
            Set<String> repeatableNames = new HashSet<>();
            for (ResolvedMigration m : resolved) {
                if (m.repeatable()) {
                    repeatableNames.add(m.description());
                }
            }
            for (HistoryState.Entry e : history.adoptedEntries()) {
                if (e.version() == null && !repeatableNames.contains(e.key())) {
                    named.add(new MigrationStatus(null, e.description(), typeOf(e.applied()), e.applied().script(),
                            MigrationState.ADOPTED, false, e.applied().installedOn(), e.checksum()));
                }
            }
            if (!named.isEmpty()) {
                named.addAll(statuses);
                statuses = named;
            }
        }

        /**
         * A repeatable discovery found: pending unless applied unchanged since the last undo (which may have
         * changed what it builds on), and never past a {@code migrateTo} target that leaves versions pending.
         */
        void repeatable(ResolvedMigration m) {
            HistoryState.Entry e = history.getRepeatable(m.description());
            if (e != null && e.isFailed()) {
                statuses.add(status(m, MigrationState.FAILED, e.failure().installedOn(), m.checksum()));
                problems.add(failedProblem(m.label(), e.failure()));
            } else if (e != null && e.isApplied() && (m.checksum() == null || !Checksums.differs(m, e.checksum())
                    && e.checksum() != null) && e.appliedRank() > history.lastUndoRank()) {
                statuses.add(status(m, e.isAdopted() ? MigrationState.ADOPTED : MigrationState.APPLIED,
                        e.applied().installedOn(), Checksums.inRuleOf(e.checksum(), m)));
            } else {
                statuses.add(status(m, MigrationState.PENDING, null, m.checksum()));
                if (!pendingBeyondTarget) {
                    pending.add(m);
                }
            }
        }

        /** Applied repeatables that discovery no longer finds (adopted ones are listed first, by name). */
        void repeatablesNotFound(Set<String> knownRepeatables) {
            for (HistoryState.Entry e : history.repeatableEntries()) {
                if (!knownRepeatables.contains(e.key()) && e.isApplied() && !e.isAdopted()) {
                    statuses.add(new MigrationStatus(null, e.description(), typeOf(e.applied()),
                            e.applied().script(), MigrationState.MISSING, false, e.applied().installedOn(),
                            e.checksum()));
                }
            }
        }
    }

    /** A status with its version parsed once, so that sorting does not parse on every comparison. */
    private record Keyed(Version version, MigrationStatus status) {
    }

    /** By version, an undone application first; written out, not composed of lambdas (see ResolvedMigration.ORDER). */
    private static final Comparator<Keyed> INFO_ORDER = new Comparator<>() {
        @Override
        public int compare(Keyed a, Keyed b) {
            int c = a.version().compareTo(b.version());
            if (c != 0) {
                return c;
            }
            return Integer.compare(a.status().state() == MigrationState.ROLLED_BACK ? 0 : 1,
                    b.status().state() == MigrationState.ROLLED_BACK ? 0 : 1);
        }
    };

    /** Versioned statuses in info() order: by version, an undone application before the pending one. */
    private static List<MigrationStatus> sortedByVersion(List<MigrationStatus> statuses) {
        List<Keyed> keyed = new ArrayList<>(statuses.size());
        for (MigrationStatus s : statuses) {
            keyed.add(new Keyed(Version.parse(s.version()), s));
        }
        keyed.sort(INFO_ORDER);
        List<MigrationStatus> sorted = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            sorted.add(k.status());
        }
        return sorted;
    }

    /** Versions applied while a higher version was already applied, judged from application (rank) order. */
    private static Set<Version> outOfOrderVersions(HistoryState history) {
        List<HistoryState.Entry> applied = new ArrayList<>();
        for (HistoryState.Entry e : history.versionedEntries()) {
            if (e.isApplied() && !e.isBaseline()) {
                applied.add(e);
            }
        }
        applied.sort(Comparator.comparingInt(e -> e.appliedRank()));
        Set<Version> out = new HashSet<>();
        Version max = history.baseline();
        for (HistoryState.Entry e : applied) {
            if (max != null && e.version().compareTo(max) < 0) {
                out.add(e.version());
            } else {
                max = e.version();
            }
        }
        return out;
    }

    private static String failedProblem(String label, HistoryRecord failure) {
        String when = failure.outcome() == HistoryRecord.Outcome.STARTED
                ? "started on " + failure.installedOn() + " and never finished (the process died midway)"
                : "failed on " + failure.installedOn() + (failure.error() == null ? "" : " (" + failure.error() + ")");
        String version = failure.version() == null ? failure.description() : failure.version();
        return label + " " + when + " and may have left part of its changes. Resolve it by hand, then either run "
                + "repair() if you undid its changes (it runs again on the next migrate), or markApplied(\"" + version
                + "\", \"<reason>\") if you finished it (recorded as applied, never run again); then migrate again";
    }

    private static MigrationStatus status(ResolvedMigration m, MigrationState state, Instant installedOn,
                                          String checksum) {
        return new MigrationStatus(m.versionText(), m.description(), m.type(), m.script(), state, m.reversible(),
                installedOn, checksum);
    }

    static MigrationType typeOf(HistoryRecord row) {
        try {
            return MigrationType.valueOf(row.type());
        } catch (IllegalArgumentException e) {
            return MigrationType.SQL;
        }
    }
}
