package dev.migrator.core;

import dev.migrator.api.spi.ForeignTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flyway's {@code flyway_schema_history} (and the {@code schema_version} of Flyway 3 and 4: the same columns plus
 * {@code version_rank}). Rows are read in {@code installed_rank} order, each undoing or replacing what came before
 * for its version (or, for a repeatable, its description):
 * <ul>
 * <li>{@code SQL}, {@code JDBC}, {@code SPRING_JDBC}, {@code SCRIPT}, ...: applied, or failed where {@code success}
 * is false (Flyway writes that row where DDL commits implicitly, as on MySQL);</li>
 * <li>{@code BASELINE} ({@code << Flyway Baseline >>}) and {@code SQL_BASELINE}: versions at or below it were never
 * run by Flyway and stay unapplied;</li>
 * <li>{@code UNDO_SQL}, {@code UNDO_JDBC}, ... (Flyway Teams' undo) and {@code DELETE} (repair of a missing
 * migration): the version is no longer applied;</li>
 * <li>{@code SCHEMA} ({@code << Flyway Schema Creation >>}): not a migration.</li>
 * </ul>
 * A versioned script is matched by version and its Flyway checksum compared, so a file edited since Flyway ran it is
 * caught here; a repeatable whose file changed since is adopted as changed, so the next {@code migrate()} applies it
 * again as Flyway would have.
 */
final class FlywayTool implements ForeignTool {

    @Override
    public String name() {
        return "flyway";
    }

    @Override
    public String defaultTable() {
        return "flyway_schema_history";
    }

    /** Where a version (or repeatable) stands after its rows, in installed_rank order. */
    private record Latest(ForeignTable.Row row, long rank, boolean applied, boolean failed) {
    }

    @Override
    public ForeignHistory read(ForeignTable table, AdoptionInput input) {
        List<String> problems = new ArrayList<>();
        List<ForeignTable.Row> rows = new ArrayList<>(table.rows());
        if (!rows.isEmpty() && !rows.get(0).has("installed_rank") && !rows.get(0).has("version_rank")) {
            return new ForeignHistory(List.of(), List.of(table.name() + " has no installed_rank column: it is not a "
                    + "history of Flyway 3 or later. Upgrade it with Flyway (flyway migrate once with a newer "
                    + "version), then adopt"));
        }
        rows.sort(Comparator.comparingLong(r -> rank(r)));
        Map<Version, ResolvedMigration> versioned = new HashMap<>();
        Map<String, ResolvedMigration> repeatable = new HashMap<>();
        for (ResolvedMigration m : input.migrations()) {
            if (m.repeatable()) {
                repeatable.put(normalise(m.description()), m);
            } else {
                versioned.put(m.version(), m);
            }
        }

        ForeignTable.Row baseline = null;
        Map<Version, Latest> byVersion = new LinkedHashMap<>();
        Map<String, Latest> byDescription = new LinkedHashMap<>();
        for (ForeignTable.Row r : rows) {
            String type = text(r, "type").toUpperCase(Locale.ROOT);
            String version = r.text("version");
            boolean success = !Boolean.FALSE.equals(r.bool("success"));
            if (type.equals("SCHEMA")) {
                continue;
            }
            if (type.equals("BASELINE") || type.equals("SQL_BASELINE")) {
                if (success && version != null) {
                    baseline = r;
                }
                continue;
            }
            boolean removes = type.startsWith("UNDO_") || type.equals("DELETE");
            Latest latest = new Latest(r, rank(r), success && !removes, !success);
            if (version == null) {
                byDescription.put(normalise(text(r, "description")), latest);
            } else {
                byVersion.put(Version.parse(version), latest);
            }
        }

        List<ForeignMigration> applied = new ArrayList<>();
        Version baselineVersion = null;
        if (baseline != null) {
            baselineVersion = Version.parse(baseline.text("version"));
            applied.add(ForeignMigration.baseline(baselineVersion, text(baseline, "description"),
                    baseline.time("installed_on"), detail(baseline)));
        }
        for (Map.Entry<Version, Latest> e : byVersion.entrySet()) {
            Latest l = e.getValue();
            String label = label(l.row);
            if (l.failed) {
                problems.add(label + " failed when Flyway applied it on " + l.row.time("installed_on") + " and may "
                        + "have left part of its changes: finish or undo them by hand, run flyway repair (it removes "
                        + "the failed row), then adopt again");
                continue;
            }
            if (!l.applied || baselineVersion != null && e.getKey().compareTo(baselineVersion) <= 0) {
                continue;
            }
            ResolvedMigration local = versioned.get(e.getKey());
            if (local == null) {
                problems.add(label + " was applied by Flyway on " + l.row.time("installed_on") + ", but no migration "
                        + "in the locations has version " + e.getKey() + ": restore the file");
                continue;
            }
            String mismatch = checksumMismatch(l.row, local);
            if (mismatch != null) {
                problems.add(label + " " + mismatch);
                continue;
            }
            applied.add(ForeignMigration.matched(local, l.row.time("installed_on"), detail(l.row)));
        }
        for (Map.Entry<String, Latest> e : byDescription.entrySet()) {
            Latest l = e.getValue();
            String label = label(l.row);
            if (l.failed) {
                problems.add(label + " failed when Flyway applied it on " + l.row.time("installed_on") + ": finish or "
                        + "undo its changes by hand, run flyway repair, then adopt again");
                continue;
            }
            if (!l.applied) {
                continue;
            }
            ResolvedMigration local = repeatable.get(e.getKey());
            if (local == null) {
                problems.add(label + " was applied by Flyway on " + l.row.time("installed_on") + ", but no "
                        + "repeatable migration in the locations has that description: restore the file");
                continue;
            }
            if (checksumMismatch(l.row, local) == null) {
                applied.add(ForeignMigration.matched(local, l.row.time("installed_on"), detail(l.row)));
            } else {
                applied.add(ForeignMigration.changedRepeatable(local, "flyway:" + l.row.text("checksum"),
                        l.row.time("installed_on"), detail(l.row) + "; the file changed since, so it is applied again"));
            }
        }
        // In the order Flyway applied them, as the history would have them.
        List<ForeignMigration> ordered = new ArrayList<>(applied);
        Map<String, Long> ranks = new HashMap<>();
        byVersion.forEach((v, l) -> ranks.put(v.toString(), l.rank));
        byDescription.forEach((d, l) -> ranks.put("R:" + d, l.rank));
        ordered.sort(Comparator.comparingLong(m -> m.isBaseline() ? Long.MIN_VALUE
                : ranks.getOrDefault(m.version() != null ? m.version().toString() : "R:" + normalise(m.description()),
                Long.MAX_VALUE)));
        return new ForeignHistory(ordered, problems);
    }

    /** Why a local migration does not match the row, or null when it does. */
    private static String checksumMismatch(ForeignTable.Row row, ResolvedMigration local) {
        Long recorded = row.number("checksum");
        if (!(local.up() instanceof MigrationSource.Script script)) {
            return null; // a Java migration: Flyway records its own checksum, if any, which migrator cannot recompute
        }
        if (recorded == null) {
            return null;
        }
        int found = FlywayChecksum.of(script.content());
        if (found == recorded.intValue()) {
            return null;
        }
        return "was changed after Flyway applied it: " + script.path() + " has checksum " + found + ", Flyway "
                + "recorded " + recorded + ". Restore the file as it was applied; or, if the database already matches "
                + "the new file, run flyway repair first";
    }

    /** Descriptions as Flyway derives them ({@code Add_users} becomes {@code Add users}), compared without case. */
    private static String normalise(String description) {
        return description.replace('_', ' ').trim().toLowerCase(Locale.ROOT);
    }

    private static long rank(ForeignTable.Row r) {
        Long rank = r.number("installed_rank");
        return rank != null ? rank : r.number("version_rank");
    }

    private static String text(ForeignTable.Row r, String column) {
        String t = r.text(column);
        return t == null ? "" : t;
    }

    private static String label(ForeignTable.Row r) {
        String version = r.text("version");
        return text(r, "script") + (version == null ? " (repeatable)" : " (version " + version + ")");
    }

    private static String detail(ForeignTable.Row r) {
        Instant on = r.time("installed_on");
        return "installed_rank " + rank(r) + ", " + text(r, "type") + ", installed by " + text(r, "installed_by")
                + (on == null ? "" : " on " + on);
    }
}
