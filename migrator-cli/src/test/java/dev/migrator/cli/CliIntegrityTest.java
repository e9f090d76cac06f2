package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.cli.CliJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code hash} and {@code validate --offline}: each kind of tampering, with the exit status a pipeline sees. */
class CliIntegrityTest {
    @TempDir
    Path dir;

    private String location() {
        return "filesystem:" + dir.resolve("db/migration");
    }

    @Test
    void hashThenValidateOffline_passesWithNoDatabase() {
        Fixtures.workspace(dir, "shop");

        Run hash = InProcess.run("hash", "--locations", location());
        Run validate = InProcess.run("validate", "--offline", "--locations", location());

        assertThat(hash.exitStatus()).as("%s", hash).isZero();
        assertThat(hash.stdout()).contains("Wrote migrator.sum in " + location() + ": 6 migrations");
        assertThat(Files.exists(dir.resolve("db/migration/migrator.sum"))).isTrue();
        assertThat(validate.exitStatus()).as("%s", validate).isZero();
        assertThat(validate.stdout()).contains("matches its migrator.sum");
    }

    @Test
    void jsonDocumentsOfHashAndValidateOfflineAreDocumented() {
        Fixtures.workspace(dir, "shop");

        Run hash = InProcess.run("hash", "--locations", location(), "--json");
        Run validate = InProcess.run("validate", "--offline", "--locations", location(), "--json");

        JsonNode h = DocumentedKeys.assertDocumented("hash", hash.stdout());
        assertThat(h.get("locations").get(0).get("files").asInt()).isEqualTo(6);
        DocumentedKeys.assertDocumented("validate", validate.stdout());
    }

    @Test
    void addedBelowTheNewest_edited_removed_andDuplicate_eachExitThreeNamingTheFile() throws IOException {
        Fixtures.workspace(dir, "shop");
        InProcess.run("hash", "--locations", location());
        Path migrations = dir.resolve("db/migration");

        Files.writeString(migrations.resolve("V2_5__From_an_old_branch.sql"), "SELECT 1;\n");
        Run added = InProcess.run("validate", "--offline", "--locations", location());
        Files.delete(migrations.resolve("V2_5__From_an_old_branch.sql"));

        Files.writeString(migrations.resolve("V2__Create_orders.sql"), "-- edited\n", StandardOpenOption.APPEND);
        Run edited = InProcess.run("validate", "--offline", "--locations", location());
        InProcess.run("hash", "--locations", location());

        Files.delete(migrations.resolve("V3__Add_customer_email.sql"));
        Run removed = InProcess.run("validate", "--offline", "--locations", location());
        InProcess.run("hash", "--locations", location());

        Files.writeString(migrations.resolve("V2__Another_two.sql"), "SELECT 2;\n");
        Run duplicate = InProcess.run("validate", "--offline", "--locations", location(), "--json");

        assertThat(added.exitStatus()).as("%s", added).isEqualTo(3);
        assertThat(added.stderr()).contains("V2_5__From_an_old_branch.sql is not in migrator.sum",
                "below the newest listed (3): a branch merged badly");
        assertThat(edited.exitStatus()).as("%s", edited).isEqualTo(3);
        assertThat(edited.stderr()).contains("V2__Create_orders.sql was edited after migrator.sum was written");
        assertThat(removed.exitStatus()).as("%s", removed).isEqualTo(3);
        assertThat(removed.stderr()).contains("V3__Add_customer_email.sql is listed in migrator.sum but was removed");
        assertThat(duplicate.exitStatus()).as("%s", duplicate).isEqualTo(3);
        JsonNode error = DocumentedKeys.assertDocumented("error", duplicate.stdout()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.get("problems").toString()).contains("V2__Another_two.sql and ", "V2__Create_orders.sql both have version 2");
    }

    @Test
    void validateOfflineWithoutTheFile_saysToRunHash() {
        Fixtures.workspace(dir, "shop");

        Run validate = InProcess.run("validate", "--offline", "--locations", location());

        assertThat(validate.exitStatus()).isEqualTo(3);
        assertThat(validate.stderr()).contains("migrator.sum does not exist: run `migrator hash --locations "
                + location() + "`");
    }

    @Test
    void migrateRefusesFilesThatDoNotMatchBeforeTouchingTheDatabase() throws IOException {
        Fixtures.workspace(dir, "shop");
        InProcess.run("hash", "--locations", location());
        Files.writeString(dir.resolve("db/migration/V1__Create_customers.sql"), "-- edited\n",
                StandardOpenOption.APPEND);

        Run migrate = InProcess.run("migrate", "--url", Fixtures.h2Url(dir), "--locations", location());

        assertThat(migrate.exitStatus()).as("%s", migrate).isEqualTo(3);
        assertThat(migrate.stderr()).contains("V1__Create_customers.sql was edited", "nothing was run");
        assertThat(dir.resolve("h2")).doesNotExist();
    }

    /** Two branches each add a migration and run hash: git reports a conflict in migrator.sum, as documented. */
    @Test
    void twoBranchesAddingMigrations_conflictInMigratorSum_andTheCheckFailsUntilHashIsRunAgain() throws Exception {
        assumeTrue(git("--version") == 0, "git is not installed");
        Fixtures.workspace(dir, "shop");
        Path migrations = dir.resolve("db/migration");
        InProcess.run("hash", "--locations", location());
        git("init", "-q", "-b", "main");
        git("add", ".");
        commit("the shop's migrations");

        git("checkout", "-q", "-b", "feature-a");
        Files.writeString(migrations.resolve("V4__Add_invoices.sql"), "CREATE TABLE invoices (id INT);\n");
        InProcess.run("hash", "--locations", location());
        git("add", ".");
        commit("invoices");

        git("checkout", "-q", "main");
        git("checkout", "-q", "-b", "feature-b");
        Files.writeString(migrations.resolve("V4__Add_refunds.sql"), "CREATE TABLE refunds (id INT);\n");
        InProcess.run("hash", "--locations", location());
        git("add", ".");
        commit("refunds");

        int merge = git("merge", "-q", "--no-edit", "feature-a");
        Run conflicted = InProcess.run("validate", "--offline", "--locations", location());

        assertThat(merge).as("git merge exit status").isNotZero();
        assertThat(conflicted.exitStatus()).as("%s", conflicted).isEqualTo(3);
        assertThat(conflicted.stderr()).contains("migrator.sum holds a merge conflict",
                "two branches added migrations");

        // Running hash to resolve the conflict, without renumbering: both V4 files are there, and hash refuses.
        Run rehash = InProcess.run("hash", "--locations", location());
        assertThat(rehash.exitStatus()).as("%s", rehash).isEqualTo(2);
        assertThat(rehash.stderr()).contains("V4__Add_invoices.sql and ", "V4__Add_refunds.sql both have version 4",
                "Rename the one your branch added");

        // As the message says: renumber the branch's own migration, then hash.
        Files.move(migrations.resolve("V4__Add_refunds.sql"), migrations.resolve("V5__Add_refunds.sql"));
        assertThat(InProcess.run("hash", "--locations", location()).exitStatus()).isZero();
        assertThat(InProcess.run("validate", "--offline", "--locations", location()).exitStatus()).isZero();
    }

    private void commit(String message) throws Exception {
        assertThat(git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", message))
                .isZero();
    }

    private int git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return -1;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

}
