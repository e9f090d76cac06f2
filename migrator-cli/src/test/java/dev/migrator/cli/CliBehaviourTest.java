package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the command line says and does, in-process through {@link Main#run}, on H2. */
class CliBehaviourTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLocationWithoutMigrations_failsNamingItsAbsolutePath_unlessAllowEmpty() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("migrations"));
        String url = "jdbc:h2:mem:empty;DB_CLOSE_DELAY=-1";

        Run refused = run("migrate", "--url", url, "--locations", "filesystem:migrations-typo", "--json");
        Run failed = run("migrate", "--url", url, "--locations", "filesystem:" + empty, "--json");
        Run allowed = run("migrate", "--url", url, "--locations", "filesystem:" + empty, "--allow-empty", "--json");

        assertThat(refused.status()).as("a location that does not exist").isEqualTo(2);
        assertThat(failed.status()).as("%s", failed).isEqualTo(2);
        assertThat(failed.json().get("error").get("message").asText())
                .contains("holds no migration: " + empty.toAbsolutePath(), "--allow-empty", "--locations");
        assertThat(allowed.status()).as("%s", allowed).isZero();
    }

    /**
     * H2 commits DDL at once: a failure says which statements stayed applied, in the message, the JSON report and the
     * history row; both resolutions are named in CLI terms, and {@code repair --mark-applied} records it as done.
     */
    @Test
    void aFailureThatLeftChanges_saysWhatStayed_andRepairMarkAppliedResolvesIt() throws Exception {
        Path m = Files.createDirectories(dir.resolve("db"));
        Files.writeString(m.resolve("V1__two_tables.sql"), "CREATE TABLE t1 (id INT);\nCREATE TABLE t2 (id INT);\n"
                + "\nINSERT INTO nowhere VALUES (1);\nCREATE TABLE t3 (id INT);\nCREATE TABLE t4 (id INT);\n");
        String url = "jdbc:h2:" + dir.resolve("data");
        String loc = "filesystem:" + m;

        Run failed = run("migrate", "--url", url, "--locations", loc, "--json");
        JsonNode error = failed.json().get("error");

        assertThat(failed.status()).isEqualTo(1);
        assertThat(error.get("leftChanges").asBoolean()).isTrue();
        assertThat(error.get("statementNumber").asInt()).isEqualTo(3);
        assertThat(error.get("statementCount").asInt()).isEqualTo(5);
        assertThat(error.get("committedStatements").asInt()).isEqualTo(2);
        assertThat(error.get("message").asText())
                .contains("statements 1-2 of 5 were committed; statement 3 failed at line 4")
                .contains("migrator repair", "migrator repair --mark-applied 1 --reason \"<reason>\"")
                .doesNotContain("repair()", "markApplied(");
        String failureLine = failed.err().substring(failed.err().indexOf("migrator migrate failed"));
        assertThat(failureLine).contains("migrator repair --mark-applied 1").doesNotContain("repair()");
        try (var c = java.sql.DriverManager.getConnection(url);
             var rs = c.createStatement().executeQuery("SELECT error FROM \"migrator_history\" "
                     + "WHERE outcome = 'FAILED'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("statements 1-2 of 5 were committed; statement 3 failed at line 4");
        }

        Run noReason = run("repair", "--url", url, "--locations", loc, "--mark-applied", "1");
        Run marked = run("repair", "--url", url, "--locations", loc, "--mark-applied", "1", "--reason",
                "finished by hand, OPS-12", "--json");
        Run after = run("migrate", "--url", url, "--locations", loc, "--json");

        assertThat(noReason.status()).isEqualTo(2);
        assertThat(noReason.err()).contains("needs --reason TEXT");
        assertThat(marked.status()).as("%s", marked).isZero();
        assertThat(marked.json().get("markedApplied")).extracting(JsonNode::asText).containsExactly("1");
        assertThat(after.status()).as("%s", after).isZero();
        assertThat(after.json().get("migrations")).isEmpty();
    }

    @Test
    void aRollbackDryRun_isARollbackPlan_andEveryDocumentHasTheSameTarget() throws Exception {
        Path m = Files.createDirectories(dir.resolve("rb"));
        Files.writeString(m.resolve("V1__t.sql"), "CREATE TABLE t (id INT);\n");
        Files.writeString(m.resolve("U1__t.sql"), "DROP TABLE t;\n");
        String url = "jdbc:h2:" + dir.resolve("rbdata") + ";PASSWORD=ignored-by-h2-for-new-dbs";
        String loc = "filesystem:" + m;

        JsonNode migrated = run("migrate", "--url", url, "--locations", loc, "--json").json();
        JsonNode plan = run("rollback", "--url", url, "--locations", loc, "--count", "1", "--dry-run", "--json")
                .json();
        JsonNode info = run("info", "--url", url, "--locations", loc, "--json").json();

        assertThat(plan.get("operation").asText()).isEqualTo("rollback-plan");
        assertThat(migrated.get("target").asText()).isEqualTo("jdbc:h2:" + dir.resolve("rbdata"))
                .isEqualTo(plan.get("target").asText()).isEqualTo(info.get("target").asText());
    }

    /** Issue 12 item 5: a rollback dry run that cannot be planned is still a rollback-plan in its JSON document. */
    @Test
    void aRollbackDryRunThatFails_isAFailedRollbackPlan() throws Exception {
        Path m = Files.createDirectories(dir.resolve("rbfail"));
        Files.writeString(m.resolve("V1__t.sql"), "CREATE TABLE t (id INT);\n");
        Files.writeString(m.resolve("U1__t.sql"), "DROP TABLE t;\n");
        String url = "jdbc:h2:" + dir.resolve("rbfaildata");
        String loc = "filesystem:" + m;

        Run nothingApplied = run("rollback", "--url", url, "--locations", loc, "--count", "1", "--dry-run", "--json");

        assertThat(nothingApplied.status()).as("%s", nothingApplied).isEqualTo(3);
        assertThat(nothingApplied.json().get("operation").asText()).isEqualTo("rollback-plan");
        assertThat(nothingApplied.json().get("success").asBoolean()).isFalse();
        assertThat(nothingApplied.json().get("error").get("message").asText())
                .startsWith("Cannot roll back 1 migration; nothing was changed");
        assertThat(run("rollback", "--url", url, "--locations", loc, "--count", "1", "--json").json()
                .get("operation").asText()).isEqualTo("rollback");
    }

    /** Issue 12 item 7: an unknown host is named as such; a driver message ending in '.' gets no second one. */
    @Test
    void connectionFailures_sayWhatHappened() throws Exception {
        Path m = Files.createDirectories(dir.resolve("conn"));
        Files.writeString(m.resolve("V1__t.sql"), "CREATE TABLE t (id INT);\n");
        String loc = "filesystem:" + m;
        Run unknown = run("info", "--url", "jdbc:postgresql://no-such-host.invalid:5432/app", "--locations", loc,
                "--json");
        Run refused = run("info", "--url", "jdbc:postgresql://127.0.0.1:1/app", "--locations", loc, "--json");

        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.json().get("error").get("message").asText())
                .contains("the host no-such-host.invalid is unknown");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.json().get("error").get("message").asText()).contains("Check the URL")
                .doesNotContain("..");
    }
}
