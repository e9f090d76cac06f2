package dev.migrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.api.MigratorException;
import dev.migrator.core.Migrator;
import dev.migrator.core.SchemaDrift;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code drift}: the live schema against the snapshot stored by the last migrate or rollback that changed something.
 * Exit status 6 when they differ (see docs/consistency.md).
 */
final class DriftCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(DriftCommand.class);

    private DriftCommand() {
    }

    /**
     * For {@code validate}: logs a warning per difference when the schema drifted. Never fails the validation (drift
     * is {@code drift}'s to fail on), and says nothing where there is no snapshot to compare with.
     */
    static void warnAfterValidate(Migrator migrator) {
        try {
            SchemaDrift drift = SchemaDrift.check(migrator);
            if (!drift.differences().isEmpty()) {
                LOG.warn("The schema drifted from the snapshot of the last migration run ({} difference{}; "
                        + "`drift` lists them and exits 6):", drift.differences().size(),
                        drift.differences().size() == 1 ? "" : "s");
                drift.differences().forEach(d -> LOG.warn("  drift: {}", d));
            }
        } catch (MigratorException e) {
            LOG.debug("No drift check after validate: {}", e.getMessage());
        }
    }

    static Report run(Migrator migrator, String target) {
        SchemaDrift drift = SchemaDrift.check(migrator);
        boolean clean = drift.differences().isEmpty();
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", JsonDocuments.SCHEMA_VERSION);
        root.put("operation", "drift");
        root.put("success", clean);
        root.put("target", target);
        root.put("snapshotFound", drift.hasSnapshot());
        root.put("snapshotVersion", drift.snapshotVersion());
        root.put("snapshotTakenOn", drift.snapshotTakenOn() == null ? null : drift.snapshotTakenOn().toString());
        ArrayNode list = root.putArray("differences");
        drift.differences().forEach(list::add);

        StringBuilder text = new StringBuilder();
        if (!drift.hasSnapshot()) {
            text.append(target).append(" has no schema snapshot yet: the next migrate or rollback that changes "
                    + "something stores one. Nothing to compare.\n");
        } else {
            String snapshot = "the snapshot of the last migration run (version "
                    + (drift.snapshotVersion() == null ? "<none>" : drift.snapshotVersion()) + ", taken "
                    + drift.snapshotTakenOn() + ")";
            if (clean) {
                text.append(target).append(" matches ").append(snapshot).append(": no drift.\n");
            } else {
                text.append(target).append(" drifted from ").append(snapshot).append(": ")
                        .append(drift.differences().size()).append(drift.differences().size() == 1 ? " difference"
                                : " differences").append(". Put each change in a migration, or undo it.\n");
                drift.differences().forEach(d -> text.append("  - ").append(d).append('\n'));
            }
        }
        return new Report(JsonDocuments.write(root), text.toString(), clean ? ErrorCode.SUCCESS : ErrorCode.DRIFT);
    }
}
