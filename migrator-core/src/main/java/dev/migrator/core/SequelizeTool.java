package dev.migrator.core;

import dev.migrator.api.spi.ForeignTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Adopts Sequelize's history: each row of {@code SequelizeMeta} (name only), in name order as sequelize-cli applies
 * them, checked against a file of that name in the locations ({@link NodeMigrations}) and recorded by that name.
 */
final class SequelizeTool implements ForeignTool {

    @Override
    public String name() {
        return "sequelize";
    }

    @Override
    public String defaultTable() {
        return "SequelizeMeta";
    }

    @Override
    public ForeignHistory read(ForeignTable table, AdoptionInput input) {
        List<NodeMigrations.Row> rows = new ArrayList<>();
        table.rows().stream().map(r -> r.text("name")).filter(n -> n != null).sorted()
                .forEach(n -> rows.add(new NodeMigrations.Row(n, null)));
        return ToolScripts.checked(() -> {
            List<ForeignMigration> applied = new ArrayList<>();
            for (ToolMigration m : NodeMigrations.read("Sequelize", ToolScripts.of(input)).applied(rows, table.name(),
                    ".sequelizerc's migrations-path")) {
                applied.add(ForeignMigration.named(name(), m.name(), m.script(), null, m.description()));
            }
            return applied;
        });
    }
}
