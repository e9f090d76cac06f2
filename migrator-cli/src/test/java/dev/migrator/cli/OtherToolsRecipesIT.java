package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.cli.CliJar.Run;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline steps of {@code docs/other-tools.md}, run as written by a shell from each tool's sample project
 * ({@code migrator-it/src/test/tools}), with the real tool, on a database holding what that tool built (the committed
 * fixture, one migration pending): the docs cannot drift from what {@code exec} and the tools accept. Skipped,
 * saying what to install, where a tool is not installed; {@code ExecRealToolsIT} runs them four at once.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the recipes are POSIX shell lines")
class OtherToolsRecipesIT {
    private static final String COMMAND = "java -jar migrator-cli.jar ";
    private static final Path IT = DocumentedKeys.docs().resolve("../migrator-it/src/test").normalize()
            .toAbsolutePath();
    private static final Map<String, String> PENDING = Map.of("alembic", "e5f4a6b7c8d9", "django",
            "ledger.0003_account_closed", "knex", "20240104000000_add_closed.js", "sequelize",
            "20240103000000-add-closed.js");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path bin;

    @ParameterizedTest
    @ValueSource(strings = {"alembic", "django", "knex", "sequelize"})
    void thePipelineStep_runsAsWritten_andRecordsThePendingMigration(String tool) throws Exception {
        String recipe = recipes().get(tool);
        assertThat(recipe).as("docs/other-tools.md has a pipeline step for %s", tool).isNotNull();
        assumeInstalled(tool);
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        load(db, IT.resolve("resources/adopt/" + tool + "/postgresql.sql"));

        Run run = CliJar.shell(IT.resolve("tools/" + tool), environment(tool, db),
                recipe.replace(COMMAND, "java -jar " + CliJar.jar().toAbsolutePath() + " "));

        JsonNode report = CliCommandsIT.json("exec", run);
        assertThat(report.get("applied").toString()).as("%s", run).isEqualTo("[\"" + PENDING.get(tool) + "\"]");
        assertThat(run.output()).doesNotContain(db.password() + "@");
        assertThat(db.query("SELECT action, outcome FROM \"migrator_history\" ORDER BY installed_rank"))
                .containsExactly(List.of("ADOPT", "SUCCESS"), List.of("EXEC", "SUCCESS"));
    }

    /** The tools' connection settings, as the sample projects read them, and the recipes' DB_* variables. */
    private Map<String, String> environment(String tool, TestDatabase db) throws IOException {
        Matcher m = Pattern.compile("//([^:/]+):(\\d+)/").matcher(db.url());
        assertThat(m.find()).isTrue();
        Map<String, String> env = new HashMap<>(Map.of("DB_URL", db.url(), "DB_USER", db.user(), "DB_PASSWORD",
                db.password(), "DB_HOST", m.group(1), "DB_PORT", m.group(2), "DB_NAME", db.name(),
                "PYTHONDONTWRITEBYTECODE", "1"));
        // python3 is Debian's, which holds the packages (a pyenv or venv python3 earlier on the PATH may not).
        Files.createSymbolicLink(bin.resolve("python3"), Path.of("/usr/bin/python3"));
        env.put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        switch (tool) {
            case "alembic" -> env.put("ALEMBIC_URL", "postgresql+psycopg2://" + db.user() + ":" + db.password() + "@"
                    + m.group(1) + ":" + m.group(2) + "/" + db.name());
            case "django" -> env.putAll(Map.of("DJANGO_DB_ENGINE", "django.db.backends.postgresql", "DJANGO_DB_HOST",
                    m.group(1), "DJANGO_DB_PORT", m.group(2), "DJANGO_DB_NAME", db.name(), "DJANGO_DB_USER",
                    db.user(), "DJANGO_DB_PASSWORD", db.password()));
            case "knex" -> env.put("KNEX_CLIENT", "pg");
            default -> env.put("SEQUELIZE_DIALECT", "postgres");
        }
        return env;
    }

    private static void assumeInstalled(String tool) throws Exception {
        if (tool.equals("alembic") || tool.equals("django")) {
            boolean present = Files.isExecutable(Path.of("/usr/bin/python3")) && new ProcessBuilder("/usr/bin/python3",
                    "-c", "import " + tool + ", psycopg2").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
            Assumptions.assumeTrue(present, tool + " is not installed: apt-get install python3-" + tool
                    + " python3-psycopg2");
        } else {
            Assumptions.assumeTrue(Files.isDirectory(IT.resolve("tools/node_modules/" + (tool.equals("knex") ? "knex"
                    : "sequelize-cli"))), tool + " is not installed: run npm ci in " + IT.resolve("tools"));
        }
    }

    /** What the tool built, as pg_dump wrote it (src/test/tools/regenerate.sh). */
    private static void load(TestDatabase db, Path dump) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String statement : Files.readString(dump, StandardCharsets.UTF_8).split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    /**
     * The pipeline steps, by tool: in the code blocks, a {@code # Alembic (...)} comment names the tool of the
     * {@code java -jar migrator-cli.jar exec} line after it (continuation lines joined).
     */
    static Map<String, String> recipes() throws IOException {
        Map<String, String> recipes = new LinkedHashMap<>();
        String tool = null;
        boolean inCode = false;
        StringBuilder logical = new StringBuilder();
        for (String line : Files.readAllLines(DocumentedKeys.docs().resolve("other-tools.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                tool = null;
            } else if (inCode && line.startsWith("# ")) {
                tool = line.substring(2).split(" ")[0].toLowerCase(Locale.ROOT);
            } else if (inCode && tool != null) {
                String text = line.strip();
                if (text.endsWith("\\")) {
                    logical.append(text, 0, text.length() - 1).append(' ');
                    continue;
                }
                logical.append(text);
                if (logical.toString().startsWith(COMMAND)) {
                    recipes.put(tool, logical.toString().replaceAll("\\s+", " "));
                }
                logical.setLength(0);
            }
        }
        return recipes;
    }
}
