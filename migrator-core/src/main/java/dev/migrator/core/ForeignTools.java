package dev.migrator.core;

import dev.migrator.api.ConfigurationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tools whose histories {@link Migrator#adopt(String)} takes over, by name. */
final class ForeignTools {

    /** Every tool users may name, in the order messages list them. */
    static final List<String> NAMES = List.of("flyway", "liquibase", "alembic", "django", "knex", "sequelize");

    /** The tools implemented, by name. */
    private static final Map<String, ForeignTool> ALL = implemented();

    private ForeignTools() {
    }

    private static Map<String, ForeignTool> implemented() {
        Map<String, ForeignTool> tools = new LinkedHashMap<>();
        for (ForeignTool t : List.<ForeignTool>of(new FlywayTool(), new LiquibaseTool(), new AlembicTool(),
                new DjangoTool(), new KnexTool(), new SequelizeTool())) {
            tools.put(t.name(), t);
        }
        return Map.copyOf(tools);
    }

    /**
     * The tool of that name.
     *
     * @throws ConfigurationException naming the tools there are
     */
    static ForeignTool get(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        ForeignTool tool = ALL.get(key);
        if (tool == null) {
            throw new ConfigurationException(NAMES.contains(key)
                    ? "Adopting a " + key + " history is not available in this build"
                    : "Unknown tool '" + name + "' to adopt from: use one of " + String.join(", ", NAMES));
        }
        return tool;
    }
}
