package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.cli.CliJar.Run;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code java -jar migrator-cli.jar ...} lines of {@code docs/ci-cd.md}, run as written by a shell, with the
 * recipes' environment ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}, and the {@code MIGRATOR_*} variables of
 * the Kubernetes recipes) pointing at a fresh database: the docs cannot drift from what the CLI accepts.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the recipes are POSIX shell lines")
class CiCdRecipesIT {
    private static final String COMMAND = "java -jar migrator-cli.jar ";
    private static final String PASSWORD = "recipe-Pa55word";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @Test
    void everyRecipe_validatesAndPlansForReview_andMigratesOnDeploy() throws IOException {
        Map<String, List<String>> recipes = recipes();

        assertThat(recipes.keySet()).containsExactly("GitHub Actions", "GitLab CI", "Jenkins",
                "Kubernetes / As an init container", "Kubernetes / As a Job");
        for (String ci : List.of("GitHub Actions", "GitLab CI", "Jenkins")) {
            assertThat(recipes.get(ci)).as(ci).extracting(c -> c.split(" ")[3]
                            + (c.contains(" --offline") ? " --offline" : ""))
                    .containsExactly("validate --offline", "validate", "plan", "migrate");
        }
    }

    @Test
    void everyRecipe_runsAsWritten_onH2() throws IOException {
        for (Map.Entry<String, List<String>> recipe : recipes().entrySet()) {
            Path work = workspace(dir.resolve(recipe.getKey().replaceAll("[^A-Za-z]", "_")));
            Map<String, String> env = environment(Fixtures.h2Url(work), "sa");

            List<Run> runs = runAll(work, env, recipe.getValue());

            assertMigrated(recipe.getKey(), work, runs);
        }
    }

    @Test
    void everyDistinctRecipeCommand_runsAsWritten_onPostgres() throws IOException {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Path work = workspace(dir);
        Set<String> distinct = new LinkedHashSet<>();
        recipes().values().forEach(commands -> commands.forEach(c -> distinct.add(c.replaceAll("\\s+", " "))));
        Map<String, String> env = new LinkedHashMap<>(environment(db.url(), db.user()));
        // The test server's password is the same for every test database; what matters is that it is never printed.
        env.put("DB_PASSWORD", db.password());
        env.put("MIGRATOR_PASSWORD", db.password());

        List<Run> runs = runAll(work, env, new ArrayList<>(distinct));

        assertMigrated("PostgreSQL", work, runs);
    }

    private static List<Run> runAll(Path work, Map<String, String> env, List<String> commands) {
        List<Run> runs = new ArrayList<>();
        for (String command : commands) {
            Run run = CliJar.shell(work, env, command);
            assertThat(run.exitStatus()).as("%s\n%s", command, run).isZero();
            assertThat(run.output()).as(command).doesNotContain(PASSWORD);
            runs.add(run);
        }
        return runs;
    }

    /** What every recipe ends with: the schema at version 3, and the reports the pipeline keeps. */
    private static void assertMigrated(String recipe, Path work, List<Run> runs) throws IOException {
        Path plan = work.resolve("migration-plan.sql");
        if (Files.exists(plan)) {
            assertThat(Files.readString(plan, StandardCharsets.UTF_8)).as(recipe).contains("CREATE TABLE customers");
        }
        Path report = work.resolve("migrate-report.json");
        String last = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8)
                : runs.get(runs.size() - 1).stdout();
        if (last.startsWith("{")) {
            JsonNode doc = DocumentedKeys.assertDocumented("migrate", last);
            assertThat(doc.get("success").asBoolean()).as(recipe).isTrue();
            assertThat(doc.get("versionAfter").asText()).as(recipe).isEqualTo("3");
        } else {
            assertThat(last).as(recipe).containsPattern("version <none> -> 3|up to date at version 3");
        }
    }

    private Path workspace(Path work) throws IOException {
        Fixtures.workspace(work, "shop");
        // What the developer committed with the migrations: the pull-request check reads it.
        dev.migrator.core.IntegrityFile.write("filesystem:" + work.resolve("db/migration"));
        Files.createSymbolicLink(work.resolve("migrator-cli.jar"), CliJar.jar().toAbsolutePath());
        return work;
    }

    private static Map<String, String> environment(String url, String user) {
        return Map.of("DB_URL", url, "DB_USER", user, "DB_PASSWORD", PASSWORD,
                "MIGRATOR_URL", url, "MIGRATOR_USER", user, "MIGRATOR_PASSWORD", PASSWORD);
    }

    /**
     * The commands of each recipe, in order, by section ({@code ## GitLab CI}; {@code Kubernetes / As a Job} for a
     * {@code ###} under a {@code ##}): the lines of fenced code blocks that start with {@code java -jar
     * migrator-cli.jar}, after an optional YAML list dash, with shell continuation lines joined.
     */
    static Map<String, List<String>> recipes() throws IOException {
        List<String> lines = Files.readAllLines(DocumentedKeys.docs().resolve("ci-cd.md"), StandardCharsets.UTF_8);
        Map<String, List<String>> recipes = new LinkedHashMap<>();
        String section = null;
        String subsection = null;
        boolean inCode = false;
        StringBuilder logical = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode && line.startsWith("## ")) {
                section = line.substring(3).trim();
                subsection = null;
            } else if (!inCode && line.startsWith("### ")) {
                subsection = line.substring(4).trim();
            } else if (inCode) {
                String text = line.strip();
                if (text.endsWith("\\")) {
                    logical.append(text, 0, text.length() - 1).append(' ');
                    continue;
                }
                logical.append(text);
                String command = logical.toString().replaceFirst("^- ", "");
                logical.setLength(0);
                if (command.startsWith(COMMAND)) {
                    recipes.computeIfAbsent(subsection == null ? section : section + " / " + subsection,
                            k -> new ArrayList<>()).add(command);
                }
            }
        }
        return recipes;
    }
}
