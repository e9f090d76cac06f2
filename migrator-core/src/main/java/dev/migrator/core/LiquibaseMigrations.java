package dev.migrator.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Liquibase formatted-SQL changelogs found by discovery, as migrations: every changeset one versioned migration,
 * numbered 1, 2, 3, ... in the order Liquibase's {@code includeAll} runs them (file path below the location, then
 * position in the file). So a Liquibase team keeps its files as they are, and adds new changesets after the last
 * one (in a file that sorts last, or at the end of the last file) as it always did.
 *
 * <p>Each migration's script is named as Liquibase names the changeset, {@code path::id::author}; its checksum is
 * migrator's own over the changeset's SQL, and its down is the changeset's rollback (none: irreversible).
 */
final class LiquibaseMigrations {
    /** Separates the parts of a changeset's name, as Liquibase writes it. */
    static final String SEPARATOR = "::";

    private record Changelog(String relativePath, ResourceScanner.Resource resource, byte[] content) {
    }

    private final boolean sql;
    private final List<Changelog> changelogs = new ArrayList<>();

    LiquibaseMigrations(boolean sql) {
        this.sql = sql;
    }

    /** Takes the resource when it is a formatted-SQL changelog; false when it is not one. */
    boolean offer(ResourceScanner.Resource r, String location, List<String> problems) {
        if (!sql || location == null) {
            return false;
        }
        byte[] content;
        try {
            content = r.read();
        } catch (java.io.UncheckedIOException e) {
            problems.add(r.path() + " cannot be read: " + e.getCause().getMessage());
            return true;
        }
        if (!LiquibaseChangelog.isFormatted(content)) {
            return false;
        }
        changelogs.add(new Changelog(ResourceScanner.relativePath(location, r), r, content));
        return true;
    }

    /** The changesets as migrations, numbered in includeAll order. */
    List<ResolvedMigration> migrations(Placeholders placeholders, List<String> problems) {
        if (changelogs.isEmpty()) {
            return List.of();
        }
        changelogs.sort(Comparator.comparing(Changelog::relativePath));
        List<ResolvedMigration> out = new ArrayList<>();
        int number = 0;
        for (Changelog c : changelogs) {
            String text = new String(c.content, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            for (LiquibaseChangelog.Changeset cs : LiquibaseChangelog.parse(c.resource.path(), text, problems)) {
                number++;
                String name = c.relativePath + SEPARATOR + cs.id() + SEPARATOR + cs.author();
                String where = c.resource.path() + " line " + cs.line() + " (changeset " + cs.author() + ":"
                        + cs.id() + ")";
                for (String u : placeholders.unknown(cs.sql()).listed()) {
                    problems.add(where + " " + u + " is not a known placeholder: pass it with placeholders(...) or "
                            + "remove it");
                }
                byte[] up = cs.sql().getBytes(StandardCharsets.UTF_8);
                MigrationSource.Script script = new MigrationSource.Script(name, where, up);
                MigrationSource.Script down = cs.rollback() == null ? null
                        : new MigrationSource.Script(name + " (rollback)", where,
                        cs.rollback().getBytes(StandardCharsets.UTF_8));
                out.add(new ResolvedMigration(Version.parse(Integer.toString(number)), cs.id(), MigrationType.SQL,
                        Checksums.v2(up), script, down));
            }
        }
        return out;
    }

    /** The parts of a changeset's script name: {@code [path, id, author]}, or null for another script. */
    static String[] parts(String scriptName) {
        int first = scriptName.indexOf(SEPARATOR);
        int last = scriptName.lastIndexOf(SEPARATOR);
        if (first < 0 || first == last) {
            return null;
        }
        return new String[] {scriptName.substring(0, first), scriptName.substring(first + SEPARATOR.length(), last),
                scriptName.substring(last + SEPARATOR.length())};
    }
}
