package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.cli.CliJar.Run;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's lint command on PostgreSQL: exit status 5, the JSON report, SARIF for code scanning, offline linting. */
class CliLintIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @Test
    void lint_exitsFiveOnAnErrorFinding_printsTheDocumentedReport_andWritesSarif() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Path scripts = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(scripts.resolve("V1__Create_accounts.sql"), "CREATE TABLE accounts (id int, owner text);\n");
        Map<String, String> env = Map.of("MIGRATOR_PASSWORD", db.password());
        assertThat(CliJar.run(dir, env, "migrate", "--url", db.url(), "--user", db.user()).exitStatus()).isZero();
        Files.writeString(scripts.resolve("V2__Index_owner.sql"), "-- the owner lookup\n"
                + "CREATE INDEX accounts_owner ON accounts (owner);\n"
                + "-- migrator:allow PG-RENAME nothing reads id yet\n"
                + "ALTER TABLE accounts RENAME COLUMN id TO account_id;\n");

        Run run = CliJar.run(dir, env, "lint", "--url", db.url(), "--user", db.user(), "--json",
                "--sarif", "lint.sarif");

        assertThat(run.exitStatus()).as("%s", run).isEqualTo(5);
        JsonNode report = DocumentedKeys.assertDocumented("lint", run.stdout());
        assertThat(report.get("success").asBoolean()).isFalse();
        assertThat(report.get("findings")).singleElement().satisfies(f -> {
            assertThat(f.get("rule").asText()).isEqualTo("PG-INDEX-NOT-CONCURRENT");
            assertThat(f.get("severity").asText()).isEqualTo("ERROR");
            assertThat(f.get("script").asText()).isEqualTo("V2__Index_owner.sql");
            assertThat(f.get("line").asInt()).isEqualTo(2);
            assertThat(f.get("message").asText()).contains("accounts exists");
        });
        JsonNode sarif = JSON.readTree(dir.resolve("lint.sarif").toFile());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode result = sarif.at("/runs/0/results/0");
        assertThat(result.get("ruleId").asText()).isEqualTo("PG-INDEX-NOT-CONCURRENT");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("db/migration/V2__Index_owner.sql");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        assertThat(sarif.at("/runs/0/tool/driver/rules/0/id").asText()).isEqualTo("PG-INDEX-NOT-CONCURRENT");
    }

    @Test
    void warnings_exitZero_unlessFailOnWarning() {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Map<String, String> env = Map.of("MIGRATOR_PASSWORD", db.password());
        Fixtures.workspace(dir, "shop");
        assertThat(CliJar.run(dir, env, "migrate", "--url", db.url(), "--user", db.user()).exitStatus()).isZero();
        try {
            Files.writeString(dir.resolve("db/migration/V9__Drop_orders.sql"), "DROP TABLE orders;\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        Run warn = CliJar.run(dir, env, "lint", "--url", db.url(), "--user", db.user());
        Run strict = CliJar.run(dir, env, "lint", "--url", db.url(), "--user", db.user(), "--fail-on", "warning");

        assertThat(warn.exitStatus()).as("%s", warn).isZero();
        assertThat(warn.stdout()).contains("V9__Drop_orders.sql:1: WARNING PG-DROP-TABLE", "Fix: ");
        assertThat(strict.exitStatus()).as("%s", strict).isEqualTo(5);
    }

    @Test
    void unreachableDatabase_lintsOffline_andFlagsWhatItCannotRuleOut() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(scripts.resolve("V7__Backfill.sql"), "UPDATE accounts SET tier = 'basic';\n");

        Run run = CliJar.run(dir, Map.of(), "lint", "--url", "jdbc:postgresql://127.0.0.1:1/nowhere", "--json");

        assertThat(run.exitStatus()).as("%s", run).isEqualTo(5);
        JsonNode report = DocumentedKeys.assertDocumented("lint", run.stdout());
        assertThat(report.get("findings")).singleElement().satisfies(f -> {
            assertThat(f.get("rule").asText()).isEqualTo("SQL-UPDATE-WITHOUT-WHERE");
            assertThat(f.get("message").asText()).contains("offline");
        });
    }
}
