package dev.migrator.api.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The envelope shared by every line of the JSON event log ({@code dev.migrator.events}, docs/json-report.md), whoever
 * writes it (core's {@code JsonEvents}, migrator-jdbc's lock-wait retry): the Elastic Common Schema fields
 * {@code @timestamp}, {@code message}, {@code ecs.version}, {@code event.*} ({@code duration} in nanoseconds),
 * {@code service.name} and {@code db.system}, in that order. The caller adds migrator's own fields under
 * {@code migrator} and closes the object. One place, so a log shipper reads every line the same way.
 */
public final class EcsEvent {
    /** The ECS version whose field names the events follow. */
    public static final String ECS_VERSION = "8.11.0";
    /** {@code service.name} when the logging context has none: OpenTelemetry's variable, read once. */
    private static final String DEFAULT_SERVICE = serviceFromEnvironment();

    private EcsEvent() {
    }

    /**
     * An open event with its ECS fields, up to {@code db}.
     *
     * @param at      when it happened
     * @param type    ECS {@code event.type}: {@code change} or {@code access}
     * @param service {@code service.name} from the logging context (SLF4J's MDC), or {@code null}/blank for the
     *                default ({@code OTEL_SERVICE_NAME}, else {@code migrator})
     */
    public static JsonWriter start(Instant at, String message, String action, boolean success, Duration duration,
                                   String target, String type, String service) {
        JsonWriter json = new JsonWriter(512).beginObject();
        json.field("@timestamp", IsoInstant.of(at));
        json.field("message", message);
        json.beginObject("ecs").field("version", ECS_VERSION).endObject();
        json.beginObject("event");
        json.field("kind", "event");
        json.field("category", List.of("database"));
        json.field("type", List.of(type));
        json.field("action", action);
        json.field("outcome", success ? "success" : "failure");
        json.field("duration", duration.toNanos());
        json.endObject();
        json.beginObject("service").field("name", service == null || service.isBlank() ? DEFAULT_SERVICE : service)
                .endObject();
        json.beginObject("db").field("system", dbSystem(target)).endObject();
        return json;
    }

    /**
     * OpenTelemetry's {@code db.system} value for a target description: the JDBC sub-protocol, mapped where the
     * names differ ({@code sqlserver} is {@code mssql}), {@code mongodb} for MongoDB, else {@code other_sql}.
     */
    public static String dbSystem(String target) {
        if (target == null) {
            return "other_sql";
        }
        int jdbc = target.indexOf("jdbc:");
        if (jdbc >= 0) {
            int end = target.indexOf(':', jdbc + 5);
            String sub = end < 0 ? "" : target.substring(jdbc + 5, end).toLowerCase(Locale.ROOT);
            return switch (sub) {
                case "sqlserver", "jtds" -> "mssql";
                case "" -> "other_sql";
                default -> sub;
            };
        }
        return target.toLowerCase(Locale.ROOT).contains("mongodb") ? "mongodb" : "other_sql";
    }

    private static String serviceFromEnvironment() {
        String env = System.getenv("OTEL_SERVICE_NAME");
        return env == null || env.isBlank() ? "migrator" : env;
    }
}
