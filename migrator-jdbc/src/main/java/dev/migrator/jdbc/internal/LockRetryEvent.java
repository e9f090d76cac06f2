package dev.migrator.jdbc.internal;

import dev.migrator.api.internal.EcsEvent;
import dev.migrator.api.internal.JsonWriter;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code lock-wait-retry} event of the JSON event log ({@code dev.migrator.events}, docs/json-report.md): a
 * statement gave up waiting for a lock and its migration is tried again. Shaped as core's events are (ECS:
 * {@code @timestamp}, {@code event.*}, {@code service.name}, {@code db.system}, migrator's own fields under
 * {@code migrator}), so a log shipper reads every line of that log the same way. Written here because only the target
 * sees the retry, through the envelope ({@link EcsEvent}) and writer ({@link JsonWriter}) every event uses.
 */
final class LockRetryEvent {
    private LockRetryEvent() {
    }

    /**
     * One retry as one JSON line.
     *
     * @param runId     the run, as in its history rows ({@code null} when not known)
     * @param target    the database, without credentials (the session's description)
     * @param script    the migration's file or class name
     * @param statement the statement that timed out, from 1
     * @param line      its first line
     * @param retry     this retry's number, from 1
     * @param retries   how many retries are allowed
     * @param waited    how long the attempt that timed out took
     * @param waitMs    the back-off before the next attempt, in milliseconds
     */
    static String json(String runId, String target, String script, int statement, int line, int retry, int retries,
                       Duration waited, long waitMs) {
        String message = script + ": statement " + statement + " (line " + line + ") gave up waiting for a lock on "
                + target + "; trying again in " + waitMs + " ms (retry " + retry + " of " + retries + ")";
        JsonWriter json = EcsEvent.start(Instant.now(), message, "lock-wait-retry", false, waited, target, "access",
                MDC.get("service.name"));
        json.beginObject("migrator");
        json.field("run_id", runId);
        json.field("target", target);
        json.field("script", script);
        json.field("statement", statement);
        json.field("line", line);
        json.field("retry", retry);
        json.field("retries", retries);
        json.field("wait_ms", waitMs);
        json.field("duration_ms", waited.toMillis());
        json.endObject();
        return json.endObject().toString();
    }

    /** OpenTelemetry's {@code db.system} for a session description, as every event names it ({@link EcsEvent}). */
    static String dbSystem(String target) {
        return EcsEvent.dbSystem(target);
    }
}
