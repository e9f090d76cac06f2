package dev.migrator.core;

import java.time.Duration;

/**
 * The one-line JSON event logged (logger {@code dev.migrator.events}) for every migration, for log shippers; keys are
 * documented in docs/json-report.md: do not rename or remove one. Kept apart from {@link JsonReports} so that a run
 * does not load Jackson just to log.
 */
final class JsonEvents {
    private JsonEvents() {
    }

    /**
     * One migration as one JSON line. Written by hand, not through a Jackson tree: it is built for every migration
     * of every run, and a tree per line cost about 0.4 s of CPU per 1000 migrations in the benchmark.
     */
    static String event(String runId, String target, String action, String version, String description,
                        String script, String outcome, Duration duration, String error) {
        StringBuilder json = new StringBuilder(256).append("{\"event\":\"migration\"");
        field(json, "runId", runId);
        field(json, "target", target);
        field(json, "action", action);
        field(json, "version", version);
        field(json, "description", description);
        field(json, "script", script);
        field(json, "outcome", outcome);
        json.append(",\"durationMs\":").append(duration.toMillis());
        if (error != null) {
            field(json, "error", error);
        }
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String key, String value) {
        json.append(",\"").append(key).append("\":");
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
