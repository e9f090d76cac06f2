package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.cli.CliJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exit statuses a pipeline branches on, and the error document that comes with each, on H2 (the lock timeout,
 * status 4, needs a second holder of a real session lock: {@link CliServersIT}).
 */
class CliExitStatusIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void failedMigration_exitsOne_andNamesTheScriptLineAndStatement() throws Exception {
        Fixtures.workspace(dir, "failing");

        Run run = CliJar.run(dir, Map.of(), "migrate", "--url", Fixtures.h2Url(dir), "--json");

        JsonNode error = error(run, 1, "MIGRATION_FAILED");
        assertThat(error.get("version").asText()).isEqualTo("2");
        assertThat(error.get("script").asText()).isEqualTo("V2__Insert_customers.sql");
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("statement").asText()).contains("nme");
        assertThat(run.stderr()).contains("migrator migrate failed (MIGRATION_FAILED, exit status 1)");
        // Two migration events (the second failed), then the run's.
        assertThat(CliCommandsIT.events(run.stderr())).hasSize(3).element(1).satisfies(event -> {
            JsonNode e = DocumentedKeys.assertDocumented("event", event);
            assertThat(e.get("migrator").get("outcome").asText()).isIn("REVERTED", "FAILED");
            assertThat(e.has("error")).isTrue();
        });
    }

    @Test
    void badUsage_exitsTwo_withAUsageErrorDocument() throws Exception {
        Run unknownOption = CliJar.run(dir, Map.of(), "migrate", "--url", "jdbc:h2:mem:x", "--colour", "--json");
        Run unknownCommand = CliJar.run(dir, Map.of(), "upgrade", "--json");
        Run countOnMigrate = CliJar.run(dir, Map.of(), "migrate", "--url", "jdbc:h2:mem:x", "--count", "2", "--json");
        Run noUrl = CliJar.run(dir, Map.of(), "info");

        assertThat(error(unknownOption, 2, "USAGE").get("message").asText()).contains("--colour");
        assertThat(JSON.readTree(unknownOption.stdout()).get("operation").asText()).isEqualTo("migrate");
        assertThat(error(unknownCommand, 2, "USAGE").get("message").asText())
                .contains("unknown command 'upgrade'", "migrate, info, validate, plan, rollback, baseline, repair");
        assertThat(JSON.readTree(unknownCommand.stdout()).get("operation").isNull()).isTrue();
        assertThat(error(countOnMigrate, 2, "USAGE").get("message").asText())
                .contains("--count is not an option of migrate");
        assertThat(noUrl.exitStatus()).isEqualTo(2);
        assertThat(noUrl.stdout()).isEmpty();
        assertThat(noUrl.stderr()).contains("info needs --url", "See: java -jar migrator-cli.jar info --help");
    }

    @Test
    void passwordAsAFlag_isRefused_withoutRepeatingIt() throws Exception {
        Run run = CliJar.run(dir, Map.of(), "migrate", "--url", "jdbc:h2:mem:x", "--password", "hunter2-secret",
                "--json");

        assertThat(error(run, 2, "USAGE").get("message").asText()).contains("--password-env", "--password-file");
        assertThat(run.output()).doesNotContain("hunter2-secret");
    }

    @Test
    void badConfiguration_exitsTwo_andSaysWhatToAdd() throws Exception {
        Run missingLocation = CliJar.run(dir, Map.of(), "migrate", "--url", Fixtures.h2Url(dir), "--json");
        Run noDriver = CliJar.run(dir, Map.of(), "info", "--url", "jdbc:oracle:thin:@//db:1521/APP", "--json");

        assertThat(error(missingLocation, 2, "CONFIGURATION").get("message").asText())
                .contains("filesystem:db/migration", dir.resolve("db/migration").toAbsolutePath().toString(),
                        "does not exist");
        assertThat(error(noDriver, 2, "CONFIGURATION").get("message").asText())
                .contains("No JDBC driver takes jdbc:oracle: URLs", "--driver-path ojdbc11.jar");
        // Connecting runs alongside discovery and may create H2's empty database file; no table is created.
        if (Files.exists(dir.resolve("h2/app.mv.db"))) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(Fixtures.h2Url(dir));
                 java.sql.ResultSet rs = c.createStatement().executeQuery(
                         "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("tables created before the check").isZero();
            }
        }
    }

    @Test
    void editedAppliedScript_exitsThree_listingTheProblem_andMigrateRefusesToo() throws Exception {
        Fixtures.workspace(dir, "shop");
        String url = Fixtures.h2Url(dir);
        assertThat(CliJar.run(dir, Map.of(), "migrate", "--url", url).exitStatus()).isZero();
        Files.writeString(dir.resolve("db/migration/V1__Create_customers.sql"), "-- edited after it was applied\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Run validate = CliJar.run(dir, Map.of(), "validate", "--url", url, "--json");
        Run migrate = CliJar.run(dir, Map.of(), "migrate", "--url", url);

        JsonNode error = error(validate, 3, "VALIDATION_FAILED");
        assertThat(error.get("problems")).hasSize(1).first()
                .satisfies(p -> assertThat(p.asText()).contains("V1__Create_customers.sql", "changed"));
        assertThat(migrate.exitStatus()).as("%s", migrate).isEqualTo(3);
        assertThat(migrate.stderr()).contains("VALIDATION_FAILED", "V1__Create_customers.sql");
    }

    @Test
    void rollbackAcrossAnIrreversibleMigration_exitsThree_andUndoesNothing() throws Exception {
        Fixtures.workspace(dir, "shop");
        String url = Fixtures.h2Url(dir);
        assertThat(CliJar.run(dir, Map.of(), "migrate", "--url", url).exitStatus()).isZero();

        Run rollback = CliJar.run(dir, Map.of(), "rollback", "--url", url, "--to", "1", "--json");
        Run info = CliJar.run(dir, Map.of(), "info", "--url", url, "--json");

        JsonNode error = error(rollback, 3, "IRREVERSIBLE");
        assertThat(error.get("versions")).extracting(JsonNode::asText).containsExactly("3");
        assertThat(JSON.readTree(info.stdout()).get("migrations")).extracting(m -> m.get("state").asText())
                .containsOnly("APPLIED");
    }

    /** Asserts the run failed with {@code status} and printed one documented error document of {@code code}. */
    static JsonNode error(Run run, int status, String code) throws Exception {
        assertThat(run.exitStatus()).as("%s", run).isEqualTo(status);
        assertThat(run.stdout().strip()).as("one line of JSON: %s", run).doesNotContain("\n");
        JsonNode doc = DocumentedKeys.assertDocumented("error", run.stdout());
        assertThat(doc.get("success").asBoolean()).isFalse();
        assertThat(doc.get("error").get("code").asText()).as("%s", run).isEqualTo(code);
        return doc.get("error");
    }
}
