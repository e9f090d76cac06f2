package dev.migrator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportsTest {

    /**
     * A run's lines share what they have in common, written once, and are what a line written alone would be; the
     * logging context's service name is read for every line, so a change of it between two migrations shows in the
     * next line.
     */
    @Test
    void aRunsEvents_areTheLinesEachWouldBeAlone_andFollowTheServiceName() throws Exception {
        String target = "PostgreSQL at jdbc:postgresql://db/a\"p\\p";
        JsonEvents.Migrations run = new JsonEvents.Migrations("run-\"1", target);
        ObjectMapper mapper = new ObjectMapper();
        for (String service : new String[] {null, "billing \"eu\"", "billing \"eu\"", "", "ledger", null}) {
            String shared = run.event(service, "APPLY", "3", "Add x", "V3__Add_x.sql", "SUCCESS",
                    Duration.ofMillis(4), null);
            String alone = new JsonEvents.Migrations("run-\"1", target).event(service, "APPLY", "3", "Add x",
                    "V3__Add_x.sql", "SUCCESS", Duration.ofMillis(4), null);
            assertThat(shared.substring(shared.indexOf(",\"message\"")))
                    .isEqualTo(alone.substring(alone.indexOf(",\"message\"")));
            JsonNode json = mapper.readTree(shared);
            assertThat(json.at("/service/name").asText())
                    .isEqualTo(service == null || service.isBlank() ? defaultService() : service);
            assertThat(json.at("/migrator/run_id").asText()).isEqualTo("run-\"1");
            assertThat(json.at("/migrator/target").asText()).isEqualTo(target);
            assertThat(json.at("/db/system").asText()).isEqualTo("postgresql");
        }
    }

    private static String defaultService() {
        String env = System.getenv("OTEL_SERVICE_NAME");
        return env == null || env.isBlank() ? "migrator" : env;
    }

    @Test
    void event_isOneLineOfValidJson_whateverTheTextHolds() throws Exception {
        String error = "ERROR: syntax error at \"x\"\n\tLINE 1: \\ SELECT \u0001";

        String line = JsonEvents.event("run-1", "PostgreSQL at jdbc:postgresql://db/app", "APPLY", null, "Add \"x\"",
                "V2__Add_x.sql", "FAILED", Duration.ofMillis(12), error);

        assertThat(line).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("@timestamp").asText()).endsWith("Z");
        assertThat(json.at("/event/action").asText()).isEqualTo("migration-apply");
        assertThat(json.at("/event/outcome").asText()).isEqualTo("failure");
        assertThat(json.at("/event/duration").asLong()).isEqualTo(12_000_000L);
        assertThat(json.at("/db/system").asText()).isEqualTo("postgresql");
        assertThat(json.at("/service/name").asText()).isNotBlank();
        assertThat(json.at("/migrator/version").isNull()).isTrue();
        assertThat(json.at("/migrator/description").asText()).isEqualTo("Add \"x\"");
        assertThat(json.at("/migrator/outcome").asText()).isEqualTo("FAILED");
        assertThat(json.at("/migrator/duration_ms").asLong()).isEqualTo(12);
        assertThat(json.at("/error/message").asText()).isEqualTo(error);
    }

    @Test
    void runEvent_carriesTheErrorAndThePendingCount() throws Exception {
String line = JsonEvents.run(new dev.migrator.api.RunEvent("run-2", "migrate",
                    "H2 2.3.232 at jdbc:h2:mem:x", "1", null, 0, 2, Duration.ofMillis(5)),
        new dev.migrator.api.ValidationException("Validation failed", java.util.List.of("V2 changed")));

JsonNode json = new ObjectMapper().readTree(line);
            assertThat(json.at("/event/action").asText()).isEqualTo("run-migrate");
            assertThat(json.at("/event/outcome").asText()).isEqualTo("failure");
            assertThat(json.at("/service/name").asText()).isNotBlank();
            assertThat(json.at("/db/system").asText()).isEqualTo("h2");
            assertThat(json.at("/migrator/pending").asInt()).isEqualTo(2);
            assertThat(json.at("/error/type").asText()).isEqualTo("ValidationException");
    }

    @Test
    void dbSystem_followsOpenTelemetryNames() {
        assertThat(JsonEvents.dbSystem("SQL Server 16 at jdbc:sqlserver://db;databaseName=x")).isEqualTo("mssql");
        assertThat(JsonEvents.dbSystem("MariaDB 10.11 at jdbc:mariadb://db/x (user u)")).isEqualTo("mariadb");
        assertThat(JsonEvents.dbSystem("MongoDB 7.0 at mongodb://db/app")).isEqualTo("mongodb");
    }

    @Test
    void lockWaitEvent_isAnAccessEventWithTheWait() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonEvents.lockWait("PostgreSQL 15 at jdbc:postgresql://db/app",
                Duration.ofSeconds(3), false));

        assertThat(json.at("/event/action").asText()).isEqualTo("lock-wait");
        assertThat(json.at("/event/type/0").asText()).isEqualTo("access");
        assertThat(json.at("/event/outcome").asText()).isEqualTo("failure");
        assertThat(json.at("/event/duration").asLong()).isEqualTo(3_000_000_000L);
        assertThat(json.at("/migrator/duration_ms").asLong()).isEqualTo(3_000);
    }
}
