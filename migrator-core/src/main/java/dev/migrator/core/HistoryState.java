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

    /** Where one migration (a version, or a repeatable's description) stands after all its rows. */
    static final class Entry {
        final Version version;
        final String key;
        /** The row of the current application (or baseline); null when never applied or undone. */
        HistoryRecord applied;
        /** The checksum and description the application is now recorded with (after any REALIGN). */
        String checksum;
        String description;
        /** The latest successful undo, when the migration is currently undone. */
        HistoryRecord undone;
        /** The row of an unresolved failure: FAILED, or STARTED with no row after it. */
        HistoryRecord failure;
        /** The rank at which the current application happened, for ordering undo by application time. */
        int appliedRank;

        Entry(Version version, String key) {
            this.version = version;
            this.key = key;
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
                e = repeatable.computeIfAbsent(row.description(), d -> new Entry(null, d));
            } else {
                Version v = Version.parse(row.version());
                e = versioned.computeIfAbsent(v, k -> new Entry(k, k.toString()));
            }
            // Undoing an adoption runs nothing, so the objects repeatables build on did not change.
            if (row.action() == Action.UNDO && row.outcome() == Outcome.SUCCESS && !e.isAdopted()) {
                lastUndoRank = row.rank();
            }
            apply(e, row);
        }
        for (Entry e : versioned.values()) {
            if (e.isBaseline() && (baseline == null || e.version.compareTo(baseline) > 0)) {
                baseline = e.version;
            }
        }
        return new HistoryState(versioned, repeatable, baseline, maxRank, lastUndoRank);
    }

    private static void apply(Entry e, HistoryRecord row) {
        switch (row.outcome()) {
            case STARTED -> e.failure = row;
            case REVERTED -> {
                // Rolled back entirely: the migration is as it was; only an open STARTED of the same attempt closes.
                if (e.failure != null && e.failure.outcome() == Outcome.STARTED) {
                    e.failure = null;
                }
            }
            case FAILED -> e.failure = row;
            case SUCCESS -> {
                switch (row.action()) {
                    case APPLY, BASELINE, MARK_APPLIED, ADOPT -> {
                        e.applied = row;
                        e.appliedRank = row.rank();
                        e.checksum = row.checksum();
                        e.description = row.description();
                        e.undone = null;
                        e.failure = null;
                    }
                    case UNDO -> {
                        // An undone adoption leaves the migration as it was before: never applied, not rolled back.
                        e.undone = e.isAdopted() ? null : row;
                        e.applied = null;
                        e.checksum = null;
                        e.failure = null;
                    }
                    case REPAIR -> e.failure = null;
                    case REALIGN -> {
                        e.checksum = row.checksum();
                        e.description = row.description();
                    }
                }
            }
        }
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
        adopted.sort(java.util.Comparator.comparingInt(e -> e.appliedRank));
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
