package dev.migrator.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The JSON documents of {@code docs/json-report.md}. Pipelines parse these: do not rename or remove a key without a
 * new {@code schemaVersion} and a note in the changelog. Adding keys is allowed.
 */
final class JsonReports {
    static final int SCHEMA_VERSION = 1;
    // Configured once here and never changed: ObjectMapper is thread-safe for reading and writing after that.
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReports() {
    }

    static String migrate(MigrateResult r) {
        ObjectNode root = header("migrate", r.target());
        root.put("versionBefore", r.versionBefore());
        root.put("versionAfter", r.versionAfter());
        migrations(root.putArray("migrations"), r.applied());
        return write(root);
    }

    static String rollback(RollbackResult r) {
        ObjectNode root = header("rollback", r.target());
        root.put("versionBefore", r.versionBefore());
        root.put("versionAfter", r.versionAfter());
        migrations(root.putArray("migrations"), r.undone());
        return write(root);
    }

    static String fleet(FleetResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("operation", r.operation());
        root.put("success", r.succeeded());
        root.put("fleet", true);
        ObjectNode summary = root.putObject("summary");
        summary.put("targets", r.targets().size());
        for (FleetOutcome o : FleetOutcome.values()) {
            summary.put(o.name().toLowerCase(java.util.Locale.ROOT), r.count(o));
        }
        summary.put("durationMs", r.duration().toMillis());
        ArrayNode targets = root.putArray("targets");
        for (FleetTargetResult t : r.targets()) {
            ObjectNode o = targets.addObject();
            o.put("name", t.name());
            o.put("group", t.group());
            o.put("outcome", t.outcome().name());
            o.put("versionBefore", t.versionBefore());
            o.put("versionAfter", t.versionAfter());
            o.put("durationMs", t.duration().toMillis());
            migrations(o.putArray("migrations"), t.applied());
            if (t.error() != null) {
                ObjectNode error = o.putObject("error");
                error.put("type", t.error().getClass().getSimpleName());
                error.put("message", dev.migrator.api.internal.Secrets.mask(String.valueOf(t.error().getMessage())));
            }
        }
        return write(root);
    }

    static String adopt(AdoptResult r) {
        ObjectNode root = header("adopt", r.target());
        root.put("tool", r.tool());
        root.put("table", r.table());
        root.put("versionAfter", r.versionAfter());
        var adopted = root.putArray("adopted");
        r.adopted().forEach(adopted::add);
        return write(root);
    }

    static String exec(ExecResult r) {
        ObjectNode root = header("exec", r.target());
        root.put("success", r.succeeded());
        root.put("tool", r.tool());
        root.put("command", r.command());
        root.put("exitCode", r.exitCode());
        root.put("durationMs", r.duration().toMillis());
        var applied = root.putArray("applied");
        r.applied().forEach(applied::add);
        var undone = root.putArray("undone");
        r.undone().forEach(undone::add);
        return write(root);
    }

    private static ObjectNode header(String operation, String target) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("operation", operation);
        root.put("success", true);
        root.put("target", target);
        return root;
    }

    private static void migrations(ArrayNode array, List<AppliedMigration> list) {
        for (AppliedMigration m : list) {
            ObjectNode o = array.addObject();
            o.put("version", m.version());
            o.put("description", m.description());
            o.put("type", m.type().name());
            o.put("script", m.script());
            o.put("durationMs", m.duration().toMillis());
        }
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree of plain values", e);
        }
    }
}
