package dev.migrator.cli;

import dev.migrator.core.AppliedMigration;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.RepairResult;
import dev.migrator.core.RollbackResult;

import java.util.ArrayList;
import java.util.List;

/** What the commands print for a human, without {@code --json}. */
final class TextReports {
    private TextReports() {
    }

    static String migrate(MigrateResult r, String target) {
        if (r.applied().isEmpty()) {
            return target + " is up to date at version " + version(r.versionAfter()) + ".\n";
        }
        return "Applied " + count(r.applied().size()) + " to " + target + ": version " + version(r.versionBefore())
                + " -> " + version(r.versionAfter()) + ".\n" + table(r.applied());
    }

    static String rollback(RollbackResult r, String target) {
        return "Undid " + count(r.undone().size()) + " on " + target + ": version " + version(r.versionBefore())
                + " -> " + version(r.versionAfter()) + ".\n" + table(r.undone());
    }

    static String info(String target, List<MigrationStatus> statuses) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Version", "Description", "Type", "State", "Undo", "Installed on"});
        for (MigrationStatus s : statuses) {
            rows.add(new String[] {s.version() == null ? "" : s.version(), s.description(), s.type() == null ? "" : s.type().name(),
                s.state().name(), s.reversible() ? "yes" : "no",
                s.installedOn() == null ? "" : s.installedOn().toString()});
        }
        return target + ": " + count(statuses.size()) + ".\n" + columns(rows);
    }

    static String validate(String target) {
        return target + ": the migrations and the history agree.\n";
    }

    static String baseline(String target, String version) {
        return target + " is baselined at version " + version + ".\n";
    }

    static String repair(String target, RepairResult r) {
        if (!r.markedApplied().isEmpty()) {
            return "Repaired " + target + ": recorded as applied " + r.markedApplied() + ".\n";
        }
        return "Repaired " + target + ": cleared failures " + r.clearedFailures() + ", re-aligned checksums "
                + r.realignedChecksums() + ".\n";
    }

    private static String table(List<AppliedMigration> migrations) {
        List<String[]> rows = new ArrayList<>();
        for (AppliedMigration m : migrations) {
            rows.add(new String[] {"  " + (m.version() == null ? "repeatable" : m.version()), m.description(), m.type().name(), m.script(),
                m.duration().toMillis() + " ms"});
        }
        return columns(rows);
    }

    private static String columns(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String version(String version) {
        return version == null ? "<none>" : version;
    }

    private static String count(int n) {
        return n + (n == 1 ? " migration" : " migrations");
    }
}
