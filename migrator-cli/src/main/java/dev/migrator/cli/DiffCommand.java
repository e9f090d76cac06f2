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
 * produce ({@code --against-migrations}, in a scratch schema of the same database: see {@link ScratchSchema}). Lists
 * each difference; exit status 0 either way (a difference between two environments is information, not a failure).
 */
final class DiffCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DiffCommand() {
    }

    static Report run(Migrator migrator, Settings settings, String target) {
        SchemaModel live = snapshot(migrator.target(), migrator.targetSettings());
        SchemaModel other;
        String otherName;
        String leftLabel;
        String rightLabel;
        if (settings.againstMigrations()) {
            otherName = "the migrations";
            leftLabel = "in the database";
            rightLabel = "in the schema the migrations produce";
            other = ScratchSchema.migrated(migrator, settings);
        } else {
            try (Targets.Opened b = Targets.open(settings.withUrl(settings.urlB()))) {
                otherName = b.target().toString();
                other = snapshot(b.target(), migrator.targetSettings());
            }
            leftLabel = "in A";
            rightLabel = "in B";
        }
        List<String> differences = SchemaDiff.between(live, other, leftLabel, rightLabel);

        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", JsonDocuments.SCHEMA_VERSION);
        root.put("operation", "diff");
        root.put("success", true);
        root.put("target", target);
        root.put("other", otherName);
        ArrayNode list = root.putArray("differences");
        differences.forEach(list::add);

        StringBuilder text = new StringBuilder();
        if (settings.againstMigrations()) {
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
