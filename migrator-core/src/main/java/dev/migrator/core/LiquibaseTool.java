package dev.migrator.core;

import dev.migrator.api.spi.ForeignTable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Liquibase's {@code DATABASECHANGELOG}, for formatted-SQL changelogs (which discovery reads as migrations, see
 * {@link LiquibaseMigrations}). A row matches a changeset by id, author and file: {@code FILENAME} is the path Liquibase
 * was given ({@code db/changelog/changes/001-users.sql}), and it matches the changeset whose path below the location
 * ({@code changes/001-users.sql}) it ends with. {@code EXECTYPE}:
 * {@code EXECUTED}, {@code RAN}, {@code RERAN} and {@code MARK_RAN} are applied (their {@code MD5SUM} is compared with
 * Liquibase's checksum of the file's changeset, version 9); {@code SKIPPED} is not; {@code FAILED} refuses.
 */
final class LiquibaseTool implements ForeignTool {

    @Override
    public String name() {
        return "liquibase";
    }

    @Override
    public String defaultTable() {
        return "DATABASECHANGELOG";
    }

    @Override
    public ForeignHistory read(ForeignTable table, AdoptionInput input) {
        List<String> problems = new ArrayList<>();
        List<ResolvedMigration> changesets = new ArrayList<>();
        for (ResolvedMigration m : input.migrations()) {
            if (!m.repeatable() && LiquibaseMigrations.parts(m.script()) != null) {
                changesets.add(m);
            }
        }
        List<ForeignTable.Row> rows = new ArrayList<>(table.rows());
        rows.sort(Comparator.comparingLong((ForeignTable.Row r) -> r.number("orderexecuted") == null ? Long.MAX_VALUE
                : r.number("orderexecuted")));
        // One row per changeset (Liquibase updates the row of a changeset it runs again); the last one counts.
        Map<String, ForeignTable.Row> latest = new LinkedHashMap<>();
        for (ForeignTable.Row r : rows) {
            latest.remove(key(r));
            latest.put(key(r), r);
        }
        List<ForeignMigration> applied = new ArrayList<>();
        for (ForeignTable.Row r : latest.values()) {
            String label = text(r, "filename") + "::" + text(r, "id") + "::" + text(r, "author");
            String exec = text(r, "exectype").toUpperCase(Locale.ROOT);
            if (exec.equals("FAILED")) {
                problems.add(label + " FAILED when Liquibase ran it on " + r.time("dateexecuted") + ": finish or undo "
                        + "its changes by hand and mark it with liquibase changelog-sync (or remove the row), then "
                        + "adopt again");
                continue;
            }
            if (exec.equals("SKIPPED")) {
                continue;
            }
            ResolvedMigration local = find(changesets, r);
            if (local == null) {
                problems.add(label + " was run by Liquibase on " + r.time("dateexecuted") + ", but no formatted-SQL "
                        + "changelog in the locations holds changeset " + text(r, "author") + ":" + text(r, "id")
                        + " in a file " + text(r, "filename") + " ends with: restore the file");
                continue;
            }
            String recorded = r.text("md5sum");
            if (recorded != null) {
                String found = LiquibaseChangelog.checksumV9(new String(
                        ((MigrationSource.Script) local.up()).content(), StandardCharsets.UTF_8));
                if (!recorded.startsWith("9:")) {
                    problems.add(label + " has a checksum of an older Liquibase (" + recorded + "), which migrator "
                            + "cannot check: run liquibase update (or validate) once with Liquibase 4.22 or later, "
                            + "which upgrades the stored checksums, then adopt");
                    continue;
                }
                if (!recorded.equals(found)) {
                    problems.add(label + " was changed after Liquibase ran it: the changeset at "
                            + ((MigrationSource.Script) local.up()).path() + " has checksum " + found + ", Liquibase "
                            + "recorded " + recorded + ". Restore it as it was run; or, if the database already "
                            + "matches it, run liquibase clear-checksums first");
                    continue;
                }
            }
            applied.add(ForeignMigration.matched(local, r.time("dateexecuted"), "orderexecuted "
                    + text(r, "orderexecuted") + ", " + exec + ", deployment " + text(r, "deployment_id"),
                    local.script()));
        }
        return new ForeignHistory(applied, problems);
    }

    /** The local changeset a row names: same id and author, in the file whose path the row's FILENAME ends with. */
    private static ResolvedMigration find(List<ResolvedMigration> changesets, ForeignTable.Row r) {
        String file = normalise(text(r, "filename"));
        ResolvedMigration best = null;
        int bestLength = -1;
        for (ResolvedMigration m : changesets) {
            String[] parts = LiquibaseMigrations.parts(m.script());
            if (!parts[1].equals(text(r, "id")) || !parts[2].equals(text(r, "author"))) {
                continue;
            }
            String path = normalise(parts[0]);
            if ((file.equals(path) || file.endsWith("/" + path)) && path.length() > bestLength) {
                best = m;
                bestLength = path.length();
            }
        }
        return best;
    }

    private static String normalise(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("classpath:")) {
            p = p.substring("classpath:".length());
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    private static String key(ForeignTable.Row r) {
        return normalise(text(r, "filename")) + "::" + text(r, "id") + "::" + text(r, "author");
    }

    private static String text(ForeignTable.Row r, String column) {
        String t = r.text(column);
        return t == null ? "" : t;
    }
}
