package dev.migrator.core;

import dev.migrator.api.spi.ForeignTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Adopts Alembic's history. {@code alembic_version} holds only the current head(s) ({@code version_num}); what ran is
 * each head and every revision it follows, walked in the revision graph of the version scripts in the locations
 * ({@link AlembicRevisions}). Each is recorded by its revision id; migrator never runs Python.
 */
final class AlembicTool implements ForeignTool {

    @Override
    public String name() {
        return "alembic";
    }

    @Override
    public String defaultTable() {
        return "alembic_version";
    }

    @Override
    public ForeignHistory read(ForeignTable table, AdoptionInput input) {
        List<String> heads = new ArrayList<>();
        for (ForeignTable.Row row : table.rows()) {
            if (row.text("version_num") != null) {
                heads.add(row.text("version_num"));
            }
        }
        return ToolScripts.checked(() -> {
            List<ForeignMigration> applied = new ArrayList<>();
            for (AlembicRevisions.Revision r : AlembicRevisions.read(ToolScripts.of(input)).applied(heads,
                    table.name())) {
                applied.add(ForeignMigration.named(name(), r.id(), r.script(), null, "revision " + r.id() + ": "
                        + r.description()));
            }
            return applied;
        });
    }
}
