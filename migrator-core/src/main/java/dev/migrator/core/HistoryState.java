package dev.migrator.core;

import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryRecord.Action;
import dev.migrator.api.spi.HistoryRecord.Outcome;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of every migration, derived from the append-only history by folding its rows in rank order. This is
 * the only place that reads meaning into history rows; nothing else interprets them.
 */
final class HistoryState {

    /**
     * Where one migration (a version, or a repeatable's description) stands after all its rows. Each row folded in
     * gives a new entry.
     *
     * @param version     the version, null for a repeatable
     * @param key         the version as text, or the repeatable's description: what history rows name it by
     * @param applied     the row of the current application (or baseline); null when never applied or undone
     * @param checksum    the checksum the application is now recorded with (after any REALIGN)
     * @param description the description the application is now recorded with (after any REALIGN)
     * @param undone      the latest successful undo, when the migration is currently undone
     * @param failure     the row of an unresolved failure: FAILED, or STARTED with no row after it
     * @param appliedRank the rank at which the current application happened, for ordering undo by application time
     */
    record Entry(Version version, String key, HistoryRecord applied, String checksum, String description,
                 HistoryRecord undone, HistoryRecord failure, int appliedRank) {

        /** A migration no row names yet. */
        static Entry none(Version version, String key) {
            return new Entry(version, key, null, null, null, null, null, 0);
        }

        boolean isApplied() {
            return applied != null;
        }

        boolean isFailed() {
            return failure != null;
        }

        boolean isBaseline() {
            return applied != null && (applied.action() == Action.BASELINE
                    || applied.action() == Action.ADOPT && MigrationType.BASELINE.name().equals(applied.type()));
        }

        /** Whether it is applied because an adoption took it over from another tool. */
        boolean isAdopted() {
            return applied != null && applied.action() == Action.ADOPT;
        }

        /** The server session id of an unfinished (STARTED) attempt, or null. */
        String startedSession() {
            return failure != null && failure.outcome() == Outcome.STARTED ? failure.sessionId() : null;
        }

        /** This entry once {@code row} is folded in. */
        Entry with(HistoryRecord row) {
            return switch (row.outcome()) {
                case STARTED, FAILED -> withFailure(row);
                // Rolled back entirely: the migration is as it was; only an open STARTED of the same attempt closes.
                case REVERTED -> failure != null && failure.outcome() == Outcome.STARTED ? withFailure(null) : this;
                case SUCCESS -> switch (row.action()) {
                    case APPLY, BASELINE, MARK_APPLIED, ADOPT ->
                            new Entry(version, key, row, row.checksum(), row.description(), null, null, row.rank());
                    // An undone adoption leaves the migration as it was before: never applied, not rolled back.
                    case UNDO -> new Entry(version, key, null, null, description, isAdopted() ? null : row, null,
                            appliedRank);
                    case REPAIR -> withFailure(null);
                    case REALIGN -> new Entry(version, key, applied, row.checksum(), row.description(), undone,
                            failure, appliedRank);
                    // Not folded: HistoryState.of skips EXEC rows before they get here.
                    case EXEC -> this;
                };
            };
        }

        private Entry withFailure(HistoryRecord row) {
            return new Entry(version, key, applied, checksum, description, undone, row, appliedRank);
        }
    }

    private final Map<Version, Entry> versioned;
    private final Map<String, Entry> repeatable;
    private final Version baseline;
    private final int maxRank;
    private final int lastUndoRank;

    private HistoryState(Map<Version, Entry> versioned, Map<String, Entry> repeatable, Version baseline, int maxRank,
                         int lastUndoRank) {
        this.versioned = versioned;
        this.repeatable = repeatable;
        this.baseline = baseline;
        this.maxRank = maxRank;
        this.lastUndoRank = lastUndoRank;
    }

    static HistoryState empty() {
        return new HistoryState(Map.of(), Map.of(), null, 0, 0);
    }

    static HistoryState of(List<HistoryRecord> rows) {
        Map<Version, Entry> versioned = new LinkedHashMap<>();
        Map<String, Entry> repeatable = new HashMap<>();
        Version baseline = null;
        int maxRank = 0;
        int lastUndoRank = 0;
        for (HistoryRecord row : rows) {
            maxRank = Math.max(maxRank, row.rank());
            if (row.action() == Action.EXEC) {
                continue; // a record of another tool's command; what it changed has rows of its own
            }
            Entry e;
            if (row.version() == null) {
                e = repeatable.getOrDefault(row.description(), Entry.none(null, row.description()));
                repeatable.put(e.key(), e.with(row));
            } else {
                Version v = Version.parse(row.version());
                e = versioned.getOrDefault(v, Entry.none(v, v.toString()));
                versioned.put(v, e.with(row));
            }
            // Undoing an adoption runs nothing, so the objects repeatables build on did not change.
            if (row.action() == Action.UNDO && row.outcome() == Outcome.SUCCESS && !e.isAdopted()) {
                lastUndoRank = row.rank();
            }
        }
        for (Entry e : versioned.values()) {
            if (e.isBaseline() && (baseline == null || e.version.compareTo(baseline) > 0)) {
                baseline = e.version;
            }
        }
        return new HistoryState(versioned, repeatable, baseline, maxRank, lastUndoRank);
    }

    Entry get(Version version) {
        return versioned.get(version);
    }

    Entry getRepeatable(String description) {
        return repeatable.get(description);
    }

    Collection<Entry> versionedEntries() {
        return versioned.values();
    }

    Collection<Entry> repeatableEntries() {
        return repeatable.values();
    }

    /** The entries an adoption took over and that stay adopted, versioned and by name, in the order adopted. */
    List<Entry> adoptedEntries() {
        List<Entry> adopted = new java.util.ArrayList<>();
        for (Entry e : versioned.values()) {
            if (e.isAdopted()) {
                adopted.add(e);
            }
        }
        for (Entry e : repeatable.values()) {
            if (e.isAdopted()) {
                adopted.add(e);
            }
        }
        adopted.sort(java.util.Comparator.comparingInt(Entry::appliedRank));
        return adopted;
    }

    /** Whether any migration is applied or failed: false for a database migrator has not migrated (or fully undid). */
    boolean anyApplied() {
        for (Entry e : versioned.values()) {
            if (e.isApplied() || e.isFailed()) {
                return true;
            }
        }
        for (Entry e : repeatable.values()) {
            if (e.isApplied() || e.isFailed()) {
                return true;
            }
        }
        return false;
    }

    /** The baseline version, or null. */
    Version baseline() {
        return baseline;
    }

    /**
     * The rank of the latest successful undo, 0 when none. A repeatable applied before it is re-applied: the objects
     * it builds on (a view's table, a function's types) may have changed under it.
     */
    int lastUndoRank() {
        return lastUndoRank;
    }

    /** The highest rank written so far; the next row gets {@code maxRank() + 1}. */
    int maxRank() {
        return maxRank;
    }

    /** The highest version currently applied (or baselined), or null. */
    Version currentVersion() {
        return currentVersionWithout(java.util.Set.of());
    }

    /** The highest version applied once {@code undone} are undone: a rollback's result, without reading again. */
    Version currentVersionWithout(java.util.Set<Version> undone) {
        Version max = null;
        for (Entry e : versioned.values()) {
            if (e.isApplied() && !undone.contains(e.version) && (max == null || e.version.compareTo(max) > 0)) {
                max = e.version;
            }
        }
        return max;
    }
}
