package dev.migrator.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core's JSON documents, byte for byte: pipelines parse them, and some compare them as text. Every string holds what
 * a writer must escape (quotes, backslashes, every kind of control character) and what it must leave alone (non-ASCII,
 * a slash, U+2028). The expected texts were written by the Jackson tree writer (reports) and the hand-made one
 * (events) these documents had before core wrote them all through JsonWriter.
 */
class JsonDocumentsBytesTest {
    private static final String HOSTILE = "a\"b\\c/d\n\r\t\b\f\u0001\u001f é€😀\u2028<>&'";
    private static final List<AppliedMigration> APPLIED = List.of(
            new AppliedMigration("1.1", HOSTILE, MigrationType.SQL, "V1_1__x.sql", Duration.ofMillis(1234)),
            new AppliedMigration(null, "view", MigrationType.JAVA, "R__view", Duration.ZERO));

    @Test
    void migrateAndRollback() {
        assertThat(new MigrateResult(APPLIED, null, "1.1", "H2 at jdbc:h2:mem:" + HOSTILE).toJson()).isEqualTo(
            "{\"schemaVersion\":1,\"operation\":\"migrate\",\"success\":true,\"target\":\"H2 at jdbc:h2:mem:a\\\""
            + "b\\\\c/d\\n\\r\\t\\b\\f\\u0001\\u001F \u00e9\u20ac\ud83d\ude00\u2028<>&'\",\"versionBefore\":null,\""
            + "versionAfter\":\"1.1\",\"migrations\":[{\"version\":\"1.1\",\"description\":\"a\\\"b\\\\c/d\\n\\r\\t"
            + "\\b\\f\\u0001\\u001F \u00e9\u20ac\ud83d\ude00\u2028<>&'\",\"type\":\"SQL\",\"script\":\"V1_1__x.sql"
            + "\",\"durationMs\":1234},{\"version\":null,\"description\":\"view\",\"type\":\"JAVA\",\"script\":\"R_"
            + "_view\",\"durationMs\":0}]}");
        assertThat(new RollbackResult(List.of(), "1.1", null, "t").toJson()).isEqualTo(
            "{\"schemaVersion\":1,\"operation\":\"rollback\",\"success\":true,\"target\":\"t\",\"versionBefore\":"
            + "\"1.1\",\"versionAfter\":null,\"migrations\":[]}");
    }

    @Test
    void fleet() {
        FleetTargetResult ok = new FleetTargetResult("eu", null, FleetOutcome.SUCCEEDED, null, "2", APPLIED,
                Duration.ofMillis(7), null, null);
        FleetTargetResult failed = new FleetTargetResult("us\"", "g", FleetOutcome.FAILED, "1", null, List.of(),
                Duration.ofSeconds(2), new IllegalStateException("jdbc:postgresql://u:secret@db/x " + HOSTILE), null);
        FleetTargetResult nullMessage = new FleetTargetResult("ap", "g", FleetOutcome.FAILED, null, null, List.of(),
                Duration.ZERO, new IllegalStateException(), null);
        String json = new FleetResult("migrate", List.of(ok, failed, nullMessage), Duration.ofMillis(3210)).toJson();
        assertThat(json).isEqualTo(
            "{\"schemaVersion\":1,\"operation\":\"migrate\",\"success\":false,\"fleet\":true,\"summary\":{\"targe"
            + "ts\":3,\"succeeded\":1,\"failed\":2,\"skipped\":0,\"durationMs\":3210},\"targets\":[{\"name\":\"eu\""
            + ",\"group\":null,\"outcome\":\"SUCCEEDED\",\"versionBefore\":null,\"versionAfter\":\"2\",\"durationMs"
            + "\":7,\"migrations\":[{\"version\":\"1.1\",\"description\":\"a\\\"b\\\\c/d\\n\\r\\t\\b\\f\\u0001\\u00"
            + "1F \u00e9\u20ac\ud83d\ude00\u2028<>&'\",\"type\":\"SQL\",\"script\":\"V1_1__x.sql\",\"durationMs\":1"
            + "234},{\"version\":null,\"description\":\"view\",\"type\":\"JAVA\",\"script\":\"R__view\",\"durationM"
            + "s\":0}]},{\"name\":\"us\\\"\",\"group\":\"g\",\"outcome\":\"FAILED\",\"versionBefore\":\"1\",\"versi"
            + "onAfter\":null,\"durationMs\":2000,\"migrations\":[],\"error\":{\"type\":\"IllegalStateException\","
            + "\"message\":\"jdbc:postgresql://u:****@db/x a\\\"b\\\\c/d\\n\\r\\t\\b\\f\\u0001\\u001F \u00e9\u20ac"
            + "\ud83d\ude00\u2028<>&'\"}},{\"name\":\"ap\",\"group\":\"g\",\"outcome\":\"FAILED\",\"versionBefore\""
            + ":null,\"versionAfter\":null,\"durationMs\":0,\"migrations\":[],\"error\":{\"type\":\"IllegalStateExc"
            + "eption\",\"message\":\"null\"}}]}");
        assertThat(new FleetResult("info", List.of(), Duration.ZERO).toJson()).isEqualTo(
            "{\"schemaVersion\":1,\"operation\":\"info\",\"success\":true,\"fleet\":true,\"summary\":{\"targets\""
            + ":0,\"succeeded\":0,\"failed\":0,\"skipped\":0,\"durationMs\":0},\"targets\":[]}");
    }

    @Test
    void adoptAndExec() {
        String adopt = new AdoptResult("flyway", "flyway_schema_history", List.of("1", HOSTILE), null, "t").toJson();
        assertThat(adopt).isEqualTo(
            "{\"schemaVersion\":1,\"operation\":\"adopt\",\"success\":true,\"target\":\"t\",\"tool\":\"flyway\","
            + "\"table\":\"flyway_schema_history\",\"versionAfter\":null,\"adopted\":[\"1\",\"a\\\"b\\\\c/d\\n\\r\\"
            + "t\\b\\f\\u0001\\u001F \u00e9\u20ac\ud83d\ude00\u2028<>&'\"]}");
        assertThat(new ExecResult("alembic", "alembic upgrade head " + HOSTILE, 3, List.of("a1"), List.of(),
                Duration.ofMillis(99), "t").toJson()).isEqualTo(
            "{\"schemaVersion\":1,\"operation\":\"exec\",\"success\":false,\"target\":\"t\",\"tool\":\"alembic\","
            + "\"command\":\"alembic upgrade head a\\\"b\\\\c/d\\n\\r\\t\\b\\f\\u0001\\u001F \u00e9\u20ac\ud83d"
            + "\ude00\u2028<>&'\",\"exitCode\":3,\"durationMs\":99,\"applied\":[\"a1\"],\"undone\":[]}");
    }

    /** The log events, after their timestamp; the text holds no control character but the named ones. */
    @Test
    void events_withoutTheirTimestamp() {
        String text = "a\"b\\c/d\n\r\t \u00e9\u20ac\ud83d\ude00";
        assertThat(afterTimestamp(
                JsonEvents.event("run-1", "PostgreSQL at jdbc:postgresql://db/app", "UNDO", "2", text, "U2__x.sql",
                "FAILED", Duration.ofMillis(12), text)))
                .isEqualTo(
                ",\"message\":\"Undoing U2__x.sql (version 2) failed: FAILED in 12 ms\",\"ecs\":{\"version\":\"8.11.0"
                + "\"},\"event\":{\"kind\":\"event\",\"category\":[\"database\"],\"type\":[\"change\"],\"action\":\"mig"
                + "ration-undo\",\"outcome\":\"failure\",\"duration\":12000000},\"service\":{\"name\":\"migrator\"},\"d"
                + "b\":{\"system\":\"postgresql\"},\"migrator\":{\"run_id\":\"run-1\",\"target\":\"PostgreSQL at jdbc:p"
                + "ostgresql://db/app\",\"action\":\"UNDO\",\"version\":\"2\",\"description\":\"a\\\"b\\\\c/d\\n\\r\\t "
                + "\u00e9\u20ac\ud83d\ude00\",\"script\":\"U2__x.sql\",\"outcome\":\"FAILED\",\"duration_ms\":12},\"err"
                + "or\":{\"message\":\"a\\\"b\\\\c/d\\n\\r\\t \u00e9\u20ac\ud83d\ude00\"}}");
        assertThat(afterTimestamp(
                JsonEvents.event("run-1", "x", "APPLY", null, "d", "R__x.sql", "SUCCESS", Duration.ZERO, null)))
                .isEqualTo(
                ",\"message\":\"Applying R__x.sql (repeatable) succeeded in 0 ms\",\"ecs\":{\"version\":\"8.11.0\"},"
                + "\"event\":{\"kind\":\"event\",\"category\":[\"database\"],\"type\":[\"change\"],\"action\":\"migrati"
                + "on-apply\",\"outcome\":\"success\",\"duration\":0},\"service\":{\"name\":\"migrator\"},\"db\":{\"sys"
                + "tem\":\"other_sql\"},\"migrator\":{\"run_id\":\"run-1\",\"target\":\"x\",\"action\":\"APPLY\",\"vers"
                + "ion\":null,\"description\":\"d\",\"script\":\"R__x.sql\",\"outcome\":\"SUCCESS\","
                + "\"duration_ms\":0}}");
        assertThat(afterTimestamp(
                JsonEvents.run(new dev.migrator.api.RunEvent("run-2", "migrate", "MongoDB at mongodb://db", "1", null,
                        0, 2, Duration.ofMillis(5)), new dev.migrator.api.ValidationException(text, List.of("p")))))
                .isEqualTo(
                ",\"message\":\"migrate of MongoDB at mongodb://db failed in 5 ms\",\"ecs\":{\"version\":\"8.11.0\"},"
                + "\"event\":{\"kind\":\"event\",\"category\":[\"database\"],\"type\":[\"change\"],\"action\":\"run-mig"
                + "rate\",\"outcome\":\"failure\",\"duration\":5000000},\"service\":{\"name\":\"migrator\"},\"db\":{\"s"
                + "ystem\":\"mongodb\"},\"migrator\":{\"run_id\":\"run-2\",\"target\":\"MongoDB at mongodb://db\",\"ope"
                + "ration\":\"migrate\",\"version_before\":\"1\",\"version_after\":null,\"count\":0,\"pending\":2,\"dur"
                + "ation_ms\":5},\"error\":{\"type\":\"ValidationException\",\"message\":\"a\\\"b\\\\c/d\\n\\r\\t "
                + "\u00e9\u20ac\ud83d\ude00:\\n  - p\"}}");
        assertThat(afterTimestamp(
                JsonEvents.run(new dev.migrator.api.RunEvent("run-3", "rollback", "t", "2", "1", 1, -1,
                        Duration.ofMillis(5)), null)))
                .isEqualTo(
                ",\"message\":\"rollback of t succeeded: 1 migration, now at version 1 in 5 ms\",\"ecs\":{\"version\""
                + ":\"8.11.0\"},\"event\":{\"kind\":\"event\",\"category\":[\"database\"],\"type\":[\"change\"],\"actio"
                + "n\":\"run-rollback\",\"outcome\":\"success\",\"duration\":5000000},\"service\":{\"name\":\"migrator"
                + "\"},\"db\":{\"system\":\"other_sql\"},\"migrator\":{\"run_id\":\"run-3\",\"target\":\"t\",\"operatio"
                + "n\":\"rollback\",\"version_before\":\"2\",\"version_after\":\"1\",\"count\":1,\"duration_ms\":5}}");
        assertThat(afterTimestamp(
                JsonEvents.lockWait("jdbc:sqlserver://db", Duration.ofSeconds(3), true)))
                .isEqualTo(
                ",\"message\":\"Took the migration lock on jdbc:sqlserver://db after waiting 3000 ms\",\"ecs\":{\"ver"
                + "sion\":\"8.11.0\"},\"event\":{\"kind\":\"event\",\"category\":[\"database\"],\"type\":[\"access\"],"
                + "\"action\":\"lock-wait\",\"outcome\":\"success\",\"duration\":3000000000},\"service\":{\"name\":\"mi"
                + "grator\"},\"db\":{\"system\":\"mssql\"},\"migrator\":{\"run_id\":null,\"target\":\"jdbc:sqlserver://"
                + "db\",\"duration_ms\":3000}}");
    }

    /** The event from its message on, once its timestamp was checked. */
    private static String afterTimestamp(String json) {
        assertThat(json).matches("\\{\"@timestamp\":\"[0-9T:.-]+Z\",\"message\".*");
        return json.substring(json.indexOf(",\"message\""));
    }
}
