package dev.migrator.jdbc.internal;

import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The {@code lock-wait-retry} event of the JSON event log ({@code dev.migrator.events}, docs/json-report.md): a
 * statement gave up waiting for a lock and its migration is tried again. Shaped as core's events are (ECS:
 * {@code @timestamp}, {@code event.*}, {@code service.name}, {@code db.system}, migrator's own fields under
 * {@code migrator}), so a log shipper reads every line of that log the same way. Written here because only the target
 * sees the retry; the key names must stay those of core's {@code JsonEvents}.
 */
final class LockRetryEvent {
    /** The ECS version whose field names the events follow, as in core's events. */
    static final String ECS_VERSION = "8.11.0";

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
        String service = MDC.get("service.name");
        StringBuilder json = new StringBuilder(512).append("{\"@timestamp\":")
                .append(quoted(Instant.now().toString()))
                .append(",\"message\":").append(quoted(message))
                .append(",\"ecs\":{\"version\":\"").append(ECS_VERSION).append("\"}")
                .append(",\"event\":{\"kind\":\"event\",\"category\":[\"database\"],\"type\":[\"access\"]")
                .append(",\"action\":\"lock-wait-retry\",\"outcome\":\"failure\",\"duration\":")
                .append(waited.toNanos()).append('}')
                .append(",\"service\":{\"name\":").append(quoted(service == null || service.isBlank()
                        ? defaultService() : service)).append('}')
                .append(",\"db\":{\"system\":").append(quoted(dbSystem(target))).append('}')
                .append(",\"migrator\":{\"run_id\":").append(quoted(runId))
                .append(",\"target\":").append(quoted(target))
                .append(",\"script\":").append(quoted(script))
                .append(",\"statement\":").append(statement)
                .append(",\"line\":").append(line)
                .append(",\"retry\":").append(retry)
                .append(",\"retries\":").append(retries)
                .append(",\"wait_ms\":").append(waitMs)
                .append(",\"duration_ms\":").append(waited.toMillis()).append("}}");
        return json.toString();
    }

    /** OpenTelemetry's {@code db.system} for a session description, as core's events name it. */
    static String dbSystem(String target) {
        int jdbc = target == null ? -1 : target.indexOf("jdbc:");
        int end = jdbc < 0 ? -1 : target.indexOf(':', jdbc + 5);
        if (end < 0) {
            return "other_sql";
        }
        String sub = target.substring(jdbc + 5, end).toLowerCase(Locale.ROOT);
        return sub.equals("sqlserver") || sub.equals("jtds") ? "mssql" : sub.isEmpty() ? "other_sql" : sub;
    }

    private static String defaultService() {
        String env = System.getenv("OTEL_SERVICE_NAME");
        return env == null || env.isBlank() ? "migrator" : env;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
