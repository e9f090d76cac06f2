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
        return new Shared(type, service, target).start(at, message, action, success, duration);
    }

    /**
     * What the events of one type from one target and service share, escaped once: a run writes an event for every
     * migration, and each line wrote the same members again, about a third of its characters (docs/performance.md,
     * seventh slice).
     */
    public static final class Shared {
        private final String service;
        /** {@code "ecs":{..},"event":{"kind":..,"category":[..],"type":[..]}, the event object left open. */
        private final String ecsAndEvent;
        /** {@code "service":{"name":..},"db":{"system":..}}. */
        private final String serviceAndDb;

        /** See {@link EcsEvent#start} for the arguments. */
        public Shared(String type, String service, String target) {
            this.service = service;
            this.ecsAndEvent = members(new JsonWriter(128).beginObject()
                    .beginObject("ecs").field("version", ECS_VERSION).endObject()
                    .beginObject("event").field("kind", "event").field("category", List.of("database"))
                    .field("type", List.of(type)));
            this.serviceAndDb = members(new JsonWriter(96).beginObject()
                    .beginObject("service").field("name", service == null || service.isBlank() ? DEFAULT_SERVICE
                            : service).endObject()
                    .beginObject("db").field("system", dbSystem(target)).endObject());
        }

        /** Whether these are the members for the logging context's {@code service} (SLF4J's MDC value). */
        public boolean isFor(String service) {
            return java.util.Objects.equals(this.service, service);
        }

        /** An open event, up to {@code db}: the caller adds its fields under {@code migrator} and closes it. */
        public JsonWriter start(Instant at, String message, String action, boolean success, Duration duration) {
            // A migration's line is about 700 characters: one buffer, not three.
            JsonWriter json = new JsonWriter(1024).beginObject();
            json.field("@timestamp", IsoInstant.of(at));
            json.field("message", message);
            json.raw(ecsAndEvent);
            json.field("action", action);
            json.field("outcome", success ? "success" : "failure");
            json.field("duration", duration.toNanos());
            json.endObject();
            return json.raw(serviceAndDb);
        }

        /** The members a writer holds, without the brace that opened its document. */
        private static String members(JsonWriter json) {
            return json.toString().substring(1);
        }
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
