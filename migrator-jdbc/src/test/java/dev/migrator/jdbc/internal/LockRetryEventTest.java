package dev.migrator.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock-wait retry is logged in the same ECS shape as every other event of {@code dev.migrator.events}. */
class LockRetryEventTest {
    private static final String TARGET = "PostgreSQL 16.4 at jdbc:postgresql://db:5432/app (user app)";

    @Test
    void aRetryIsAnEcsAccessEvent_withTheKeysOfTheOtherEvents() throws Exception {
        String line = LockRetryEvent.json("run-7", TARGET, "V2__Add \"note\".sql", 3, 12, 1, 5,
                Duration.ofMillis(1_004), 312);

        assertThat(line).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(names(json)).containsExactly("@timestamp", "message", "ecs", "event", "service", "db", "migrator");
        assertThat(json.get("@timestamp").asText()).endsWith("Z");
        assertThat(json.at("/ecs/version").asText()).isEqualTo("8.11.0");
        assertThat(names(json.get("event"))).containsExactly("kind", "category", "type", "action", "outcome",
                "duration");
        assertThat(json.at("/event/kind").asText()).isEqualTo("event");
        assertThat(json.at("/event/category/0").asText()).isEqualTo("database");
        assertThat(json.at("/event/type/0").asText()).isEqualTo("access");
        assertThat(json.at("/event/action").asText()).isEqualTo("lock-wait-retry");
        assertThat(json.at("/event/outcome").asText()).isEqualTo("failure");
        assertThat(json.at("/event/duration").asLong()).isEqualTo(1_004_000_000L);
        assertThat(json.at("/service/name").asText()).isNotBlank();
        assertThat(json.at("/db/system").asText()).isEqualTo("postgresql");
        assertThat(json.at("/migrator/run_id").asText()).isEqualTo("run-7");
        assertThat(json.at("/migrator/target").asText()).isEqualTo(TARGET);
        assertThat(json.at("/migrator/script").asText()).isEqualTo("V2__Add \"note\".sql");
        assertThat(json.at("/migrator/statement").asInt()).isEqualTo(3);
        assertThat(json.at("/migrator/line").asInt()).isEqualTo(12);
        assertThat(json.at("/migrator/retry").asInt()).isEqualTo(1);
        assertThat(json.at("/migrator/retries").asInt()).isEqualTo(5);
        assertThat(json.at("/migrator/wait_ms").asLong()).isEqualTo(312);
        assertThat(json.at("/migrator/duration_ms").asLong()).isEqualTo(1_004);
        assertThat(json.get("message").asText()).isEqualTo("V2__Add \"note\".sql: statement 3 (line 12) gave up "
                + "waiting for a lock on " + TARGET + "; trying again in 312 ms (retry 1 of 5)");
    }

    @Test
    void withoutARunId_theRunIdIsNull() throws Exception {
        JsonNode json = new ObjectMapper().readTree(LockRetryEvent.json(null, TARGET, "V1__A.sql", 1, 1, 2, 3,
                Duration.ZERO, 250));

        assertThat(json.at("/migrator/run_id").isNull()).isTrue();
        assertThat(json.at("/migrator/duration_ms").asLong()).isZero();
    }

    @Test
    void dbSystem_followsOpenTelemetryNames_asTheOtherEventsDo() {
        assertThat(LockRetryEvent.dbSystem("SQL Server 16 at jdbc:sqlserver://db;databaseName=x")).isEqualTo("mssql");
        assertThat(LockRetryEvent.dbSystem("MariaDB 10.11 at jdbc:mariadb://db/x (user u)")).isEqualTo("mariadb");
        assertThat(LockRetryEvent.dbSystem("MySQL 8.0 at jdbc:mysql://db/x")).isEqualTo("mysql");
        assertThat(LockRetryEvent.dbSystem("Oracle 23 at jdbc:oracle:thin:@db:1521/x")).isEqualTo("oracle");
        assertThat(LockRetryEvent.dbSystem("H2 2.3.232 at jdbc:h2:mem:x")).isEqualTo("h2");
        assertThat(LockRetryEvent.dbSystem("some database")).isEqualTo("other_sql");
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
