package dev.migrator.core;

import dev.migrator.api.internal.JsonWriter;

import java.util.List;
import java.util.Locale;

/**
 * The JSON documents of {@code docs/json-report.md} that core writes (migrate, rollback, fleet, adopt, exec), through
 * migrator's one {@link JsonWriter}. Pipelines parse these: do not rename or remove a key without a new
 * {@link #SCHEMA_VERSION} and a note in the changelog. Adding keys is allowed.
 */
final class JsonReports {
    /** The version of every JSON document of a release, core's and the CLI's. */
    static final int SCHEMA_VERSION = 1;

    private JsonReports() {
    }

    static String migrate(MigrateResult r) {
        JsonWriter json = header("migrate", true, r.target());
        json.field("versionBefore", r.versionBefore());
        json.field("versionAfter", r.versionAfter());
        migrations(json, r.applied());
        return json.endObject().toString();
    }

    static String rollback(RollbackResult r) {
        JsonWriter json = header("rollback", true, r.target());
        json.field("versionBefore", r.versionBefore());
        json.field("versionAfter", r.versionAfter());
        migrations(json, r.undone());
        return json.endObject().toString();
    }

    static String fleet(FleetResult r) {
        JsonWriter json = new JsonWriter(1024).beginObject();
        json.field("schemaVersion", SCHEMA_VERSION);
        json.field("operation", r.operation());
        json.field("success", r.succeeded());
        json.field("fleet", true);
        json.beginObject("summary");
        json.field("targets", r.targets().size());
        for (FleetOutcome o : FleetOutcome.values()) {
            json.field(o.name().toLowerCase(Locale.ROOT), r.count(o));
        }
        json.field("durationMs", r.duration().toMillis());
        json.endObject();
        json.beginArray("targets");
        for (FleetTargetResult t : r.targets()) {
            json.beginObject();
            json.field("name", t.name());
            json.field("group", t.group());
            json.field("outcome", t.outcome().name());
            json.field("versionBefore", t.versionBefore());
            json.field("versionAfter", t.versionAfter());
            json.field("durationMs", t.duration().toMillis());
            migrations(json, t.applied());
            if (t.error() != null) {
                json.beginObject("error");
                json.field("type", t.error().getClass().getSimpleName());
                json.field("message", dev.migrator.api.internal.Secrets.mask(String.valueOf(t.error().getMessage())));
                json.endObject();
            }
            json.endObject();
        }
        json.endArray();
        return json.endObject().toString();
    }

    static String adopt(AdoptResult r) {
        JsonWriter json = header("adopt", true, r.target());
        json.field("tool", r.tool());
        json.field("table", r.table());
        json.field("versionAfter", r.versionAfter());
        json.field("adopted", r.adopted());
        return json.endObject().toString();
    }

    static String exec(ExecResult r) {
        JsonWriter json = header("exec", r.succeeded(), r.target());
        json.field("tool", r.tool());
        json.field("command", r.command());
        json.field("exitCode", r.exitCode());
        json.field("durationMs", r.duration().toMillis());
        json.field("applied", r.applied());
        json.field("undone", r.undone());
        return json.endObject().toString();
    }

    /** An open document with the four keys every document starts with. */
    private static JsonWriter header(String operation, boolean success, String target) {
        JsonWriter json = new JsonWriter().beginObject();
        json.field("schemaVersion", SCHEMA_VERSION);
        json.field("operation", operation);
        json.field("success", success);
        json.field("target", target);
        return json;
    }

    private static void migrations(JsonWriter json, List<AppliedMigration> list) {
        json.beginArray("migrations");
        for (AppliedMigration m : list) {
            json.beginObject();
            json.field("version", m.version());
            json.field("description", m.description());
            json.field("type", m.type().name());
            json.field("script", m.script());
            json.field("durationMs", m.duration().toMillis());
            json.endObject();
        }
        json.endArray();
    }
}
