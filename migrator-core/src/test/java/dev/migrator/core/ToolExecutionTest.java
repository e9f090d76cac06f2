package dev.migrator.core;

import dev.migrator.api.spi.ForeignTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ToolExecutionTest {

    @Test
    void theRecordedCommandMasksPasswordFlagsKeyValuesAndUrlPasswords() {
        assertThat(ToolExecution.shown(List.of("liquibase", "update", "--password", "s3cret", "--url",
                "jdbc:postgresql://db/app?user=app&password=s3cret2")))
                .isEqualTo("liquibase update --password **** --url jdbc:postgresql://db/app?user=app&password=****");
        assertThat(ToolExecution.shown(List.of("alembic", "-x", "url=postgresql://app:s3cret@db/app", "upgrade",
                "head"))).isEqualTo("alembic -x url=postgresql://app:****@db/app upgrade head");
        assertThat(ToolExecution.shown(List.of("flyway", "-password=s3cret", "--db-token", "t0ken", "migrate")))
                .isEqualTo("flyway -password=**** --db-token **** migrate");
    }

    @Test
    void anArgumentWithSpacesIsQuotedSoTheRecordReadsAsTheCommandLine() {
        assertThat(ToolExecution.shown(List.of("sh", "-c", "npx knex migrate:latest && echo done")))
                .isEqualTo("sh -c 'npx knex migrate:latest && echo done'");
    }

    @Test
    void rowsAreTellApartByTheColumnEachToolNamesItsMigrationsBy() {
        assertThat(ToolExecution.rowKey(new ForeignTable.Row(Map.of("id", 3, "app", "ledger", "name", "0001_initial"))))
                .isEqualTo("ledger.0001_initial");
        assertThat(ToolExecution.rowKey(new ForeignTable.Row(Map.of("version_num", "ae10")))).isEqualTo("ae10");
        assertThat(ToolExecution.rowKey(new ForeignTable.Row(Map.of("id", 1, "name", "2024_x.js", "batch", 1))))
                .isEqualTo("2024_x.js");
    }
}
