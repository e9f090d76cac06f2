package dev.migrator.core;

import dev.migrator.api.MigratorException;
import dev.migrator.api.RunEvent;
import dev.migrator.api.internal.EcsEvent;
import dev.migrator.api.internal.JsonWriter;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The one-line JSON events logged (logger {@code dev.migrator.events}) for every migration, lock wait and run, for
 * log shippers. They are shaped by the Elastic Common Schema (ECS): {@code @timestamp}, {@code event.action},
 * {@code event.outcome}, {@code event.duration} in nanoseconds, {@code service.name}, {@code db.system}, and
 * migrator's own fields under {@code migrator}. Keys are documented in docs/json-report.md: do not rename or remove
 * one. Written through migrator's one {@link JsonWriter}, the envelope by {@link EcsEvent}, as every event is.
 */
final class JsonEvents {
    private JsonEvents() {
    }

    /** One migration as one JSON line ({@link Migrations#event}). */
    static String event(String runId, String target, String action, String version, String description,
                        String script, String outcome, Duration duration, String error) {
        return new Migrations(runId, target).event(action, version, description, script, outcome, duration, error);
    }

    /**
     * The migration events of one run: written straight into one buffer ({@link JsonWriter}), not through a tree (a
     * tree per line cost about 0.4 s of CPU per 1000 migrations in the benchmark), with what every line of the run
     * shares (the envelope's constant members, the run id and the target) escaped once.
     */
    static final class Migrations {
        private final String target;
        /** {@code "run_id":..,"target":..}. */
        private final String runAndTarget;
        private EcsEvent.Shared shared;

        Migrations(String runId, String target) {
            this.target = target;
            String members = new JsonWriter(160).beginObject().field("run_id", runId).field("target", target)
                    .toString();
            this.runAndTarget = members.substring(1);
        }

        /** One migration as one JSON line, {@code service.name} from the logging context (SLF4J's MDC). */
        String event(String action, String version, String description, String script, String outcome,
                     Duration duration, String error) {
            return event(MDC.get("service.name"), action, version, description, script, outcome, duration, error);
        }

        String event(String service, String action, String version, String description, String script,
                     String outcome, Duration duration, String error) {
            boolean success = "SUCCESS".equals(outcome);
            String label = script + (version == null ? " (repeatable)" : " (version " + version + ")");
            String message = ("UNDO".equals(action) ? "Undoing " : "Applying ") + label
                    + (success ? " succeeded" : " failed: " + outcome) + " in " + duration.toMillis() + " ms";
            if (shared == null || !shared.isFor(service)) {
                shared = new EcsEvent.Shared("change", service, target);
            }
            JsonWriter json = shared.start(Instant.now(), message, "migration-" + action.toLowerCase(Locale.ROOT),
                    success, duration);
            json.beginObject("migrator");
            json.raw(runAndTarget);
            json.field("action", action);
            json.field("version", version);
            json.field("description", description);
            json.field("script", script);
            json.field("outcome", outcome);
            json.field("duration_ms", duration.toMillis());
            json.endObject();
            if (error != null) {
                json.beginObject("error").field("message", error).endObject();
            }
            return json.endObject().toString();
        }
    }

    /** A run (migrate or rollback) that ended, successfully or with {@code error}. */
    static String run(RunEvent run, MigratorException error) {
        boolean success = error == null;
        String message = run.operation() + " of " + run.target() + (success
                ? " succeeded: " + run.count() + " migration" + (run.count() == 1 ? "" : "s") + ", now at version "
                + (run.versionAfter() == null ? "<none>" : run.versionAfter())
                : " failed") + " in " + run.duration().toMillis() + " ms";
        JsonWriter json = start(message, "run-" + run.operation(), success, run.duration(), run.target(),
                "change");
        json.beginObject("migrator");
        json.field("run_id", run.runId());
        json.field("target", run.target());
        json.field("operation", run.operation());
        json.field("version_before", run.versionBefore());
        json.field("version_after", run.versionAfter());
        json.field("count", run.count());
        if (run.pending() >= 0) {
            json.field("pending", run.pending());
        }
        json.field("duration_ms", run.duration().toMillis());
        json.endObject();
        if (error != null) {
            json.beginObject("error");
            json.field("type", error.getClass().getSimpleName());
            json.field("message", error.getMessage());
            json.endObject();
        }
        return json.endObject().toString();
    }

    /** A wait for another instance's migration lock that ended: taken ({@code taken}) or given up. */
    static String lockWait(String target, Duration waited, boolean taken) {
        String message = (taken ? "Took the migration lock on " : "Gave up waiting for the migration lock on ")
                + target + " after waiting " + waited.toMillis() + " ms";
        JsonWriter json = start(message, "lock-wait", taken, waited, target, "access");
        json.beginObject("migrator");
        json.field("run_id", MDC.get("migrator.run"));
        json.field("target", target);
        json.field("duration_ms", waited.toMillis());
        json.endObject();
        return json.endObject().toString();
    }

    /** An open event with its ECS fields, up to {@code db}: the envelope every event shares. */
    private static JsonWriter start(String message, String action, boolean success, Duration duration,
                                    String target, String type) {
        return EcsEvent.start(Instant.now(), message, action, success, duration, target, type,
                MDC.get("service.name"));
    }

    /** OpenTelemetry's {@code db.system} value for a target description ({@link EcsEvent#dbSystem}). */
    static String dbSystem(String target) {
        return EcsEvent.dbSystem(target);
    }
}
