package dev.migrator.micrometer;

import java.util.Locale;

/** OpenTelemetry's {@code db.system} value for a target description (as the core's JSON events name it). */
final class DbSystem {
    private DbSystem() {
    }

    static String of(String target) {
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
}
