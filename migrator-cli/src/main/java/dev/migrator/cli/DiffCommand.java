package dev.migrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;
import dev.migrator.core.Migrator;
import dev.migrator.core.SchemaDiff;

import java.util.List;

/**
 * {@code diff}: the schema at {@code --url} against the one at {@code --url-b}, or against what the migrations
 * produce ({@code --against-migrations}, in a scratch schema of the same database: see {@link ScratchSchema}), or the
 * two targets of a {@code --targets} file against each other. Lists
 * each difference; exit status 0 either way (a difference between two environments is information, not a failure).
 */
final class DiffCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DiffCommand() {
    }

    static Report run(Migrator migrator, Settings settings, String target) {
        SchemaModel live = snapshot(migrator.target(), migrator.targetSettings());
        if (settings.againstMigrations()) {
            return report(target, "the migrations", live, ScratchSchema.migrated(migrator, settings), true);
        }
        try (Targets.Opened b = Targets.open(settings.withUrl(settings.urlB()))) {
            return report(target, b.target().toString(), live, snapshot(b.target(), migrator.targetSettings()),
                    false);
        }
    }

    /**
     * {@code diff --targets FILE}: the two targets of the file (each with its own URL, user, password and schema),
     * the first as A, the second as B.
     *
     * @param migrators the two targets' migrators, in the file's order
     * @param names     their names in the file
     */
    static Report betweenTargets(List<Migrator> migrators, List<String> names, Settings settings) {
        if (settings.againstMigrations()) {
            throw new UsageException(Option.AGAINST_MIGRATIONS.flag() + " compares one database with its migrations: "
                    + "give --url, not " + Option.TARGETS.flag(), Command.DIFF);
        }
        if (migrators.size() != 2) {
            throw new UsageException("diff " + Option.TARGETS.flag() + " compares two targets, and the file lists "
                    + migrators.size() + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")")
                    + ": keep two, or give --url and --url-b", Command.DIFF);
        }
        List<SchemaModel> schemas = migrators.stream().map(m -> snapshot(m.target(), m.targetSettings())).toList();
        return report(names.get(0), names.get(1), schemas.get(0), schemas.get(1), false);
    }

    private static Report report(String target, String otherName, SchemaModel live, SchemaModel other,
                                 boolean againstMigrations) {
        List<String> differences = againstMigrations
                ? SchemaDiff.between(live, other, "in the database", "in the schema the migrations produce")
                : SchemaDiff.between(live, other, "in A", "in B");

        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", JsonDocuments.SCHEMA_VERSION);
        root.put("operation", "diff");
        root.put("success", true);
        root.put("target", target);
        root.put("other", otherName);
        ArrayNode list = root.putArray("differences");
        differences.forEach(list::add);

        StringBuilder text = new StringBuilder();
        if (againstMigrations) {
            text.append(target).append(" against what the migrations produce: ");
        } else {
            text.append("A: ").append(target).append("\nB: ").append(otherName).append("\n");
        }
        if (differences.isEmpty()) {
            text.append("no differences.\n");
        } else {
            text.append(differences.size()).append(differences.size() == 1 ? " difference:\n" : " differences:\n");
            differences.forEach(d -> text.append("  - ").append(d).append('\n'));
        }
        return new Report(JsonDocuments.write(root), text.toString());
    }

    static SchemaModel snapshot(MigrationTarget target, TargetSettings settings) {
        try (TargetSession session = target.open(settings)) {
            return session.snapshot();
        }
    }
}
