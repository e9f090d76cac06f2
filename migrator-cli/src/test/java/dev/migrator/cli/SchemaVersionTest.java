package dev.migrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.core.MigrateResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One schemaVersion for every JSON document of a release: the CLI's documents carry core's number. */
class SchemaVersionTest {
    @Test
    void cliDocuments_carryTheSchemaVersionOfCoresDocuments() throws Exception {
        int core = new ObjectMapper().readTree(new MigrateResult(List.of(), null, null, "t").toJson())
                .get("schemaVersion").asInt();

        assertThat(JsonDocuments.SCHEMA_VERSION).isEqualTo(core);
        assertThat(new ObjectMapper().readTree(JsonDocuments.validate("t")).get("schemaVersion").asInt())
                .isEqualTo(core);
    }
}
