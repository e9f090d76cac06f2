package dev.migrator.core;

import dev.migrator.api.spi.ForeignTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Adopts Django's history: each row of {@code django_migrations} (app, name, applied), in id order, checked against
 * {@code <app>/migrations/<name>.py} in the locations ({@link DjangoMigrations}) and recorded as {@code app.name}.
 */
final class DjangoTool implements ForeignTool {

    @Override
    public String name() {
        return "django";
    }

    @Override
    public String defaultTable() {
        return "django_migrations";
    }

    @Override
    public ForeignHistory read(ForeignTable table, AdoptionInput input) {
        List<DjangoMigrations.Row> rows = new ArrayList<>();
        table.rows().stream().sorted(Comparator.comparing(r -> r.number("id"), Comparator.nullsLast(
                Comparator.naturalOrder()))).forEach(r -> rows.add(new DjangoMigrations.Row(r.text("app"),
                r.text("name"), r.time("applied"))));
        return ToolScripts.checked(() -> {
            List<ForeignMigration> applied = new ArrayList<>();
            for (ToolMigration m : DjangoMigrations.read(ToolScripts.of(input)).applied(rows, table.name())) {
                applied.add(ForeignMigration.named(name(), m.name(), m.script(), m.installedOn(), m.description()));
            }
            return applied;
        });
    }
}
