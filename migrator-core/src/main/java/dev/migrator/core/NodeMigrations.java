package dev.migrator.core;

import dev.migrator.api.ValidationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Knex's and Sequelize's migrations: files whose name is what the tool records ({@code knex_migrations.name},
 * {@code SequelizeMeta.name}). migrator checks each recorded name against the files under the locations; it never
 * runs them.
 */
final class NodeMigrations {
    /** The extensions both tools load migrations from by default. */
    static final Set<String> EXTENSIONS = Set.of(".js", ".cjs", ".mjs", ".ts");

    /** A recorded migration, in the order the tool applied it. */
    record Row(String name, Instant appliedOn) {
    }

    private final String tool;
    private final Map<String, String> scriptsByName;

    private NodeMigrations(String tool, Map<String, String> scriptsByName) {
        this.tool = tool;
        this.scriptsByName = scriptsByName;
    }

    /** The migration files among {@code scripts}, by file name; {@code tool} ("Knex", "Sequelize") for messages. */
    static NodeMigrations read(String tool, List<ToolScript> scripts) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (ToolScript s : scripts.stream().sorted((a, b) -> a.path().compareTo(b.path())).toList()) {
            String name = s.name();
            int dot = name.lastIndexOf('.');
            if (dot > 0 && EXTENSIONS.contains(name.substring(dot))) {
                byName.putIfAbsent(name, s.path());
            }
        }
        return new NodeMigrations(tool, byName);
    }

    /**
     * The recorded migrations, each checked against its file.
     *
     * @param where what the tool's migrations folder is called, for the message (the knexfile's
     *              {@code migrations.directory}, .sequelizerc's {@code migrations-path})
     * @throws ValidationException naming each recorded name with no file; nothing is written
     */
    List<ToolMigration> applied(List<Row> rows, String table, String where) {
        List<String> problems = new ArrayList<>();
        List<ToolMigration> out = new ArrayList<>();
        for (Row r : rows) {
            String script = scriptsByName.get(r.name());
            if (script == null) {
                problems.add(table + " records '" + r.name() + "' as applied, but no location holds a file of that "
                        + "name; add the folder named by " + where + " to the locations, or restore the file");
            } else {
                out.add(new ToolMigration(r.name(), description(r.name()), script, r.appliedOn()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(tool + "'s history does not match its migration files", problems);
        }
        return List.copyOf(out);
    }

    /** {@code 20240101000000_create_accounts.js} and {@code 20240101000000-create-accounts.js} read "create accounts". */
    static String description(String name) {
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return base.replaceFirst("^\\d+[-_]", "").replace('_', ' ').replace('-', ' ');
    }
}
