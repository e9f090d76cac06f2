package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.cli.CliJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command of the built jar, on an H2 file database: what it prints, with and without --json. */
class CliCommandsIT {
    @TempDir
    Path dir;

    @Test
    void help_listsEveryCommandAndExitStatus_andExitsZero() {
        Run general = CliJar.run(dir, Map.of(), "--help");
        Run rollback = CliJar.run(dir, Map.of(), "rollback", "--help");

        assertThat(general.exitStatus()).as("%s", general).isZero();
        assertThat(general.stdout()).contains("migrate", "info", "validate", "plan", "rollback", "baseline",
                "repair", "--password-env", "--json", "Exit status", "4  timed out");
        assertThat(rollback.exitStatus()).as("%s", rollback).isZero();
        assertThat(rollback.stdout()).contains("Usage: java -jar migrator-cli.jar rollback --url URL [--to VERSION] "
                + "[--count N]", "--lock-timeout");
        assertThat(general.stderr() + rollback.stderr()).isEmpty();
    }

    @Test
    void everyCommand_printsExactlyOneDocumentedJsonDocument_andLogsOnlyToStandardError() throws Exception {
        Fixtures.workspace(dir, "shop");
        String url = Fixtures.h2Url(dir);

        JsonNode validate = json("validate", CliJar.run(dir, Map.of(), "validate", "--url", url, "--json"));
        JsonNode plan = json("plan", CliJar.run(dir, Map.of(), "plan", "--url", url, "--json"));
        Run migrateTo2 = CliJar.run(dir, Map.of(), "migrate", "--url", url, "--to", "2", "--json");
        JsonNode migrated = json("migrate", migrateTo2);
        JsonNode info = json("info", CliJar.run(dir, Map.of(), "info", "--url", url, "--json"));
        JsonNode rolledBack = json("rollback", CliJar.run(dir, Map.of(), "rollback", "--url", url, "--count", "1",
                "--json"));
        JsonNode rest = json("migrate", CliJar.run(dir, Map.of(), "migrate", "--url", url, "--json"));
        JsonNode repaired = json("repair", CliJar.run(dir, Map.of(), "repair", "--url", url, "--json"));

        assertThat(validate.get("operation").asText()).isEqualTo("validate");
        assertThat(plan.get("migrations")).extracting(m -> m.get("script").asText())
                .containsExactly("V1__Create_customers.sql", "V2__Create_orders.sql", "V3__Add_customer_email.sql",
                        "R__Customer_names.sql");
        assertThat(plan.get("sql").asText()).contains("CREATE TABLE customers", "ALTER TABLE customers ADD COLUMN email");
        assertThat(migrated.get("versionAfter").asText()).isEqualTo("2");
        assertThat(migrated.get("migrations")).extracting(m -> m.get("version").asText()).containsExactly("1", "2");
        assertThat(info.get("migrations")).extracting(m -> m.get("version").asText() + " " + m.get("state").asText())
                .containsExactly("1 APPLIED", "2 APPLIED", "3 PENDING", "null PENDING");
        assertThat(rolledBack.get("migrations")).extracting(m -> m.get("script").asText())
                .containsExactly("U2__Create_orders.sql");
        assertThat(rolledBack.get("versionAfter").asText()).isEqualTo("1");
        assertThat(rest.get("migrations")).extracting(m -> m.get("version").asText())
                .containsExactly("2", "3", "null");
        assertThat(repaired.get("clearedFailures")).isEmpty();
        List<String> events = events(migrateTo2.stderr());
        assertThat(events).hasSize(3); // two migrations, then the run
        events.forEach(e -> DocumentedKeys.assertDocumented("event", e));
    }

    @Test
    void baseline_recordsTheVersionOfAnExistingSchema() {
        Fixtures.workspace(dir, "shop");
        String url = Fixtures.h2Url(dir);

        JsonNode baseline = json("baseline", CliJar.run(dir, Map.of(), "baseline", "--url", url, "--to", "2",
                "--json"));
        Run info = CliJar.run(dir, Map.of(), "info", "--url", url);

        assertThat(baseline.get("version").asText()).isEqualTo("2");
        assertThat(info.exitStatus()).as("%s", info).isZero();
        assertThat(info.stdout()).containsPattern("(?m)^2 .*BASELINE").containsPattern("(?m)^3 .*PENDING");
    }

    @Test
    void rollbackDryRun_printsTheDownsThatWouldRun_andChangesNothing() throws Exception {
        Fixtures.workspace(dir, "shop");
        String url = Fixtures.h2Url(dir);
        assertThat(CliJar.run(dir, Map.of(), "migrate", "--url", url, "--to", "2").exitStatus()).isZero();

        Run dryRun = CliJar.run(dir, Map.of(), "rollback", "--url", url, "--count", "1", "--dry-run");
        Run json = CliJar.run(dir, Map.of(), "rollback", "--url", url, "--to", "1", "--dry-run", "--json");
        Run info = CliJar.run(dir, Map.of(), "info", "--url", url, "--json");

        assertThat(dryRun.exitStatus()).as("%s", dryRun).isZero();
        assertThat(dryRun.stdout()).startsWith("-- version 2: Create orders (U2__Create_orders.sql)")
                .contains("DROP TABLE orders;");
        assertThat(json.exitStatus()).as("%s", json).isZero();
        JsonNode doc = DocumentedKeys.assertDocumented("plan", json.stdout());
        assertThat(doc.get("migrations")).extracting(m -> m.get("script").asText())
                .containsExactly("U2__Create_orders.sql");
        assertThat(DocumentedKeys.assertDocumented("info", info.stdout()).get("migrations"))
                .extracting(m -> m.get("state").asText()).containsExactly("APPLIED", "APPLIED", "PENDING", "PENDING");
    }

    @Test
    void withoutJson_planPrintsTheScript_andMigrateAndInfoPrintForHumans() {
        Fixtures.workspace(dir, "shop");
        String url = Fixtures.h2Url(dir);

        Run plan = CliJar.run(dir, Map.of(), "plan", "--url", url);
        Run migrate = CliJar.run(dir, Map.of(), "migrate", "--url", url, "--installed-by", "release-42");
        Run info = CliJar.run(dir, Map.of(), "info", "--url", url);

        assertThat(plan.exitStatus()).as("%s", plan).isZero();
        assertThat(plan.stdout()).startsWith("-- version 1: Create customers (V1__Create_customers.sql)")
                .contains("CREATE TABLE customers (", "CREATE OR REPLACE VIEW customer_names").doesNotStartWith("{");
        assertThat(migrate.exitStatus()).as("%s", migrate).isZero();
        assertThat(migrate.stdout()).contains("Applied 4 migrations", "version <none> -> 3",
                "V3__Add_customer_email.sql");
        // Text by default: one line per migration, never the JSON events as well (issue 12 item 7).
        assertThat(migrate.stderr()).contains("Applied V1__Create_customers.sql (version 1) in ")
                .doesNotContain("dev.migrator.events");
        assertThat(info.stdout()).contains("Version", "State", "Undo").containsPattern("(?m)^3 +Add customer email +SQL +APPLIED +no");
    }

    @Test
    void standardError_isTextOrJsonEvents_neverBoth_andQuietKeepsWarningsOnly() {
        Fixtures.workspace(dir, "shop");
        String url = Fixtures.h2Url(dir);

        Run events = CliJar.run(dir, Map.of(), "migrate", "--url", url, "--to", "1", "--log-format", "json");
        Run quiet = CliJar.run(dir, Map.of(), "migrate", "--url", url, "--quiet");

        assertThat(events.exitStatus()).as("%s", events).isZero();
        assertThat(events(events.stderr())).hasSize(2); // one migration, then the run
        assertThat(events.stderr()).doesNotContain("MigrationExecutor - Applied");
        assertThat(quiet.exitStatus()).as("%s", quiet).isZero();
        assertThat(quiet.stdout()).contains("Applied 3 migrations");
        assertThat(quiet.stderr()).isEmpty();
    }

    @Test
    void optionsComeFromTheEnvironmentAndAConfigFile_andAFlagWins() throws Exception {
        Fixtures.copy("placeholders", dir.resolve("sql"));
        Path config = dir.resolve("migrator.properties");
        Files.writeString(config, String.join("\n",
                "url=jdbc:h2:file:" + dir.resolve("not-this-one").toAbsolutePath(),
                "locations=filesystem:sql",
                "placeholder.region=us",
                "placeholder.tableName=gadgets"), StandardCharsets.UTF_8);

        Run plan = CliJar.run(dir, Map.of("MIGRATOR_URL", Fixtures.h2Url(dir), "MIGRATOR_CONFIG", config.toString(),
                "MIGRATOR_PLACEHOLDER_tableName", "widgets", "MIGRATOR_JSON", "true"),
                "plan", "--placeholder", "region=eu");

        JsonNode doc = json("plan", plan);
        assertThat(doc.get("target").asText()).isEqualTo(Fixtures.h2Url(dir));
        assertThat(doc.get("sql").asText()).contains("CREATE TABLE widgets", "DEFAULT 'eu'");
    }

    @Test
    void schemaAndTable_putTheHistoryWhereTold() throws Exception {
        Fixtures.workspace(dir, "shop");
        String url = Fixtures.h2Url(dir);

        Run migrate = CliJar.run(dir, Map.of(), "migrate", "--url", url, "--schema", "inventory", "--table",
                "deploy_history");

        assertThat(migrate.exitStatus()).as("%s", migrate).isZero();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("SELECT table_schema, lower(table_name) FROM "
                     + "information_schema.tables WHERE lower(table_name) IN ('customers', 'deploy_history') ORDER BY 2")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1) + "." + rs.getString(2));
            }
            assertThat(tables).containsExactly("inventory.customers", "inventory.deploy_history");
        }
    }

    /** Asserts a run succeeded and printed one documented JSON document, and nothing else, on standard output. */
    static JsonNode json(String document, Run run) {
        assertThat(run.exitStatus()).as("%s", run).isZero();
        assertThat(run.stdout().strip()).as("one line of JSON: %s", run).doesNotContain("\n");
        return DocumentedKeys.assertDocumented(document, run.stdout());
    }

    /** The JSON events of {@code dev.migrator.events} in the log on standard error. */
    static List<String> events(String stderr) {
        List<String> events = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            if (line.contains(" dev.migrator.events - ")) {
                events.add(line.substring(line.indexOf('{')));
            }
        }
        return events;
    }
}
