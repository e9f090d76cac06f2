package dev.migrator.core;

import dev.migrator.api.MigratorException;
import dev.migrator.api.RunEvent;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The one-line JSON events logged (logger {@code dev.migrator.events}) for every migration, lock wait and run, for
 * log shippers. They are shaped by the Elastic Common Schema (ECS): {@code @timestamp}, {@code event.action},
 * {@code event.outcome}, {@code event.duration} in nanoseconds, {@code service.name}, {@code db.system}, and
 * migrator's own fields under {@code migrator}. Keys are documented in docs/json-report.md: do not rename or remove
 * one. Kept apart from {@link JsonReports} so that a run does not load Jackson just to log.
 */
final class JsonEvents {
    /** The ECS version whose field names these events follow. */
    static final String ECS_VERSION = "8.11.0";
    /** {@code service.name} when the MDC has none: OpenTelemetry's variable, read once. */
    private static final String DEFAULT_SERVICE = serviceFromEnvironment();

    private JsonEvents() {
    }

    /**
     * One migration as one JSON line. Written by hand, not through a Jackson tree: it is built for every migration
     * of every run, and a tree per line cost about 0.4 s of CPU per 1000 migrations in the benchmark.
     */
    static String event(String runId, String target, String action, String version, String description,
                        String script, String outcome, Duration duration, String error) {
        boolean success = "SUCCESS".equals(outcome);
        String label = script + (version == null ? " (repeatable)" : " (version " + version + ")");
        String message = ("UNDO".equals(action) ? "Undoing " : "Applying ") + label
                + (success ? " succeeded" : " failed: " + outcome) + " in " + duration.toMillis() + " ms";
        StringBuilder json = start(message, "migration-" + action.toLowerCase(Locale.ROOT), success, duration,
                target, "change");
        json.append(",\"migrator\":{");
        first(json, "run_id", runId);
        field(json, "target", target);
        field(json, "action", action);
        field(json, "version", version);
        field(json, "description", description);
        field(json, "script", script);
        field(json, "outcome", outcome);
        json.append(",\"duration_ms\":").append(duration.toMillis()).append('}');
        if (error != null) {
            json.append(",\"error\":{");
            first(json, "message", error);
            json.append('}');
        }
        return json.append('}').toString();
    }

    /** A run (migrate or rollback) that ended, successfully or with {@code error}. */
    static String run(RunEvent run, MigratorException error) {
        boolean success = error == null;
        String message = run.operation() + " of " + run.target() + (success
                ? " succeeded: " + run.count() + " migration" + (run.count() == 1 ? "" : "s") + ", now at version "
                + (run.versionAfter() == null ? "<none>" : run.versionAfter())
                : " failed") + " in " + run.duration().toMillis() + " ms";
        StringBuilder json = start(message, "run-" + run.operation(), success, run.duration(), run.target(),
                "change");
        json.append(",\"migrator\":{");
        first(json, "run_id", run.runId());
        field(json, "target", run.target());
        field(json, "operation", run.operation());
        field(json, "version_before", run.versionBefore());
        field(json, "version_after", run.versionAfter());
        json.append(",\"count\":").append(run.count());
        if (run.pending() >= 0) {
            json.append(",\"pending\":").append(run.pending());
        }
        json.append(",\"duration_ms\":").append(run.duration().toMillis()).append('}');
        if (error != null) {
            json.append(",\"error\":{");
            first(json, "type", error.getClass().getSimpleName());
            field(json, "message", error.getMessage());
            json.append('}');
        }
        return json.append('}').toString();
    }

    /** A wait for another instance's migration lock that ended: taken ({@code taken}) or given up. */
    static String lockWait(String target, Duration waited, boolean taken) {
        String message = (taken ? "Took the migration lock on " : "Gave up waiting for the migration lock on ")
                + target + " after waiting " + waited.toMillis() + " ms";
        StringBuilder json = start(message, "lock-wait", taken, waited, target, "access");
        json.append(",\"migrator\":{");
        first(json, "run_id", MDC.get("migrator.run"));
        field(json, "target", target);
        json.append(",\"duration_ms\":").append(waited.toMillis()).append("}}");
        return json.toString();
    }

    private static StringBuilder start(String message, String action, boolean success, Duration duration,
                                       String target, String type) {
        StringBuilder json = new StringBuilder(512).append("{\"@timestamp\":\"").append(IsoInstant.of(Instant.now()))
                .append('"');
        field(json, "message", message);
        json.append(",\"ecs\":{\"version\":\"").append(ECS_VERSION).append("\"}");
        json.append(",\"event\":{\"kind\":\"event\",\"category\":[\"database\"],\"type\":[\"").append(type)
                .append("\"]");
        field(json, "action", action);
        json.append(",\"outcome\":\"").append(success ? "success" : "failure").append('"');
        json.append(",\"duration\":").append(duration.toNanos()).append('}');
        String service = MDC.get("service.name");
        json.append(",\"service\":{");
        first(json, "name", service == null || service.isBlank() ? DEFAULT_SERVICE : service);
        json.append("},\"db\":{");
        first(json, "system", dbSystem(target));
        return json.append('}');
    }

    /**
     * OpenTelemetry's {@code db.system} value for a target description: the JDBC sub-protocol, mapped where the
     * names differ ({@code sqlserver} is {@code mssql}), {@code mongodb} for MongoDB, else {@code other_sql}.
     */
    static String dbSystem(String target) {
        if (target == null) {
            return "other_sql";
        }
        int jdbc = target.indexOf("jdbc:");
        if (jdbc >= 0) {
            int end = target.indexOf(':', jdbc + 5);
            String sub = end < 0 ? "" : target.substring(jdbc + 5, end).toLowerCase(Locale.ROOT);
            return switch (sub) {
                case "postgresql", "mysql", "mariadb", "oracle", "h2", "db2", "sqlite", "derby", "hsqldb" -> sub;
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

    private static void first(StringBuilder json, String key, String value) {
        json.append('"').append(key).append("\":");
        value(json, value);
    }

    private static void field(StringBuilder json, String key, String value) {
        json.append(",\"").append(key).append("\":");
        value(json, value);
    }

    private static void value(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
