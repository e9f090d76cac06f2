package dev.migrator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportsTest {

    @Test
    void event_isOneLineOfValidJson_whateverTheTextHolds() throws Exception {
        String error = "ERROR: syntax error at \"x\"\n\tLINE 1: \\ SELECT \u0001";

        String line = JsonEvents.event("run-1", "PostgreSQL at jdbc:postgresql://db/app", "APPLY", null, "Add \"x\"",
                "V2__Add_x.sql", "FAILED", Duration.ofMillis(12), error);

        assertThat(line).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("event").asText()).isEqualTo("migration");
        assertThat(json.get("version").isNull()).isTrue();
        assertThat(json.get("description").asText()).isEqualTo("Add \"x\"");
        assertThat(json.get("durationMs").asLong()).isEqualTo(12);
        assertThat(json.get("error").asText()).isEqualTo(error);
    }
}
