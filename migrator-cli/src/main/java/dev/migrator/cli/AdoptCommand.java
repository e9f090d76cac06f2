package dev.migrator.cli;

import dev.migrator.core.AdoptResult;
import dev.migrator.core.Migrator;

/** {@code adopt --from TOOL [--from-table NAME]}: one call of {@link Migrator#adopt(String, String)}. */
final class AdoptCommand {

    /**
     * What {@code adopt} was told.
     *
     * @param tool  {@code --from}
     * @param table {@code --from-table}, or null for the tool's default table
     */
    record From(String tool, String table) {
    }

    private AdoptCommand() {
    }

    /**
     * The options of {@code adopt}.
     *
     * @throws UsageException without {@code --from}
     */
    static From from(String tool, String table) {
        if (tool == null || tool.isBlank()) {
            throw new UsageException("adopt needs --from TOOL: flyway, liquibase, alembic, django, knex or sequelize",
                    Command.ADOPT);
        }
        return new From(tool.trim(), table == null || table.isBlank() ? null : table.trim());
    }

    /** Adopts; a refusal is the library's ValidationException (exit status 3), and writes nothing. */
    static Report run(Migrator migrator, From from) {
        AdoptResult r = migrator.adopt(from.tool(), from.table());
        return new Report(r.toJson(), text(r));
    }

    private static String text(AdoptResult r) {
        StringBuilder out = new StringBuilder();
        if (r.adopted().isEmpty()) {
            out.append("The ").append(r.tool()).append(" history in ").append(r.table()).append(" of ")
                    .append(r.target()).append(" was adopted before; nothing was written.\n");
        } else {
            out.append("Adopted ").append(r.adopted().size()).append(" migration")
                    .append(r.adopted().size() == 1 ? "" : "s").append(" from the ").append(r.tool())
                    .append(" history in ").append(r.table()).append(" of ").append(r.target()).append(":\n");
            for (String m : r.adopted()) {
                out.append("  ").append(m).append('\n');
            }
        }
        out.append("Now at version ").append(r.versionAfter() == null ? "<none>" : r.versionAfter())
                .append(". ").append(r.tool()).append("'s table is left as it is; migrate from here with migrator.\n");
        return out.toString();
    }
}
