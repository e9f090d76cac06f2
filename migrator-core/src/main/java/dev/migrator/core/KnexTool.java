package dev.migrator.core;

import dev.migrator.api.spi.ForeignTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Adopts Knex's history: each row of {@code knex_migrations} (id, name, batch, migration_time), in id order, checked
 * against a file of that name in the locations ({@link NodeMigrations}) and recorded by that name.
 */
final class KnexTool implements ForeignTool {

    @Override
    public String name() {
        return "knex";
    }

    @Override
    public String defaultTable() {
        return "knex_migrations";
    }

    @Override
    public ForeignHistory read(ForeignTable table, AdoptionInput input) {
        List<ForeignTable.Row> sorted = table.rows().stream().sorted(Comparator.comparing(r -> r.number("id"),
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        List<NodeMigrations.Row> rows = new ArrayList<>();
        sorted.forEach(r -> rows.add(new NodeMigrations.Row(r.text("name"), r.time("migration_time"))));
        return ToolScripts.checked(() -> {
            List<ToolMigration> found = NodeMigrations.read("Knex", ToolScripts.of(input)).applied(rows, table.name(),
                    "the knexfile's migrations.directory");
            List<ForeignMigration> applied = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                ToolMigration m = found.get(i);
                Long batch = sorted.get(i).number("batch");
                applied.add(ForeignMigration.named(name(), m.name(), m.script(), m.installedOn(), m.description()
                        + (batch == null ? "" : ", batch " + batch)));
            }
            return applied;
        });
    }
}
