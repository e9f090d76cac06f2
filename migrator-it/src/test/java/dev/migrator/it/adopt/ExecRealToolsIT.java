package dev.migrator.it.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code exec} with the real tools: each database starts from what the tool built (the committed fixture, one
 * migration still pending), and four processes start the tool's own migrate command through
 * {@code Migrator.exec} at once, as four replicas or pipeline jobs would. Alembic, Django and Sequelize take no lock
 * of their own; under migrator's, the pending migration is applied once and recorded once. Skipped, saying what to
 * install, where a tool is not installed (src/test/tools/regenerate.sh installs the Node.js ones).
 */
class ExecRealToolsIT {
    private static final Path TOOLS = Path.of("src/test/tools").toAbsolutePath();
    private static final String PYTHON = "/usr/bin/python3";
    /** What each tool's fixture has pending, which the command applies. */
    private static final Map<String, String> PENDING = Map.of("alembic", "e5f4a6b7c8d9", "django",
            "ledger.0003_account_closed", "knex", "20240104000000_add_closed.js", "sequelize",
            "20240103000000-add-closed.js");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path logs;

    static Stream<org.junit.jupiter.params.provider.Arguments> toolsAndDatabases() {
        return OtherToolsAdoptIT.toolsAndDatabases();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("toolsAndDatabases")
    @Timeout(300)
    void fourProcessesRunTheRealToolAtOnce_andThePendingMigrationIsAppliedAndRecordedOnce(String tool,
                                                                                        DatabaseKind kind)
            throws Exception {
        assumeInstalled(tool);
        TestDatabase db = databases.create(kind);
        ToolFixtures.load(db, tool);
        Map<String, String> env = new HashMap<>();
        List<String> command = command(tool, db, env);

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // A short-lived JVM: the optimising compiler would not pay off.
            List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), ExecMain.class.getName(), db.url(),
                    db.user(), db.password(), tool, ToolFixtures.location(tool)));
            args.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(args).directory(workingDirectory(tool).toFile())
                    .redirectOutput(logs.resolve("exec-" + i + ".json").toFile())
                    .redirectError(logs.resolve("exec-" + i + ".log").toFile());
            builder.environment().putAll(env);
            processes.add(builder.start());
        }
        List<JsonNode> results = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
            String log = Files.readString(logs.resolve("exec-" + i + ".log"));
            assertThat(p.exitValue()).as("exit status of process %s; its log:\n%s", i, log).isZero();
            results.add(new ObjectMapper().readTree(Files.readString(logs.resolve("exec-" + i + ".json"))));
        }

        String pending = PENDING.get(tool);
        assertThat(results).allSatisfy(r -> assertThat(r.get("exitCode").asInt()).isZero());
        assertThat(results).filteredOn(r -> r.get("applied").size() > 0).singleElement()
                .satisfies(r -> assertThat(r.get("applied").toString()).isEqualTo("[\"" + pending + "\"]"));
        assertThat(results).allSatisfy(r -> assertThat(r.get("undone").size()).isZero());
        String history = kind == DatabaseKind.MARIADB ? "migrator_history" : "\"migrator_history\"";
        assertThat(db.query("SELECT action, outcome, description FROM " + history + " ORDER BY installed_rank")
                .stream().map(r -> String.join(" ", r)).toList())
                .containsExactlyInAnyOrder("ADOPT SUCCESS " + pending, "EXEC SUCCESS " + tool + " exec",
                        "EXEC SUCCESS " + tool + " exec", "EXEC SUCCESS " + tool + " exec",
                        "EXEC SUCCESS " + tool + " exec");
        assertThat(db.query(countOf(tool, db, pending))).containsExactly(List.of("1"));
        String table = tool.equals("django") ? "ledger_account" : "accounts";
        // The column the pending migration adds is there (the fixture has no rows).
        assertThat(db.query("SELECT COUNT(*) FROM " + table + " WHERE closed = false")).containsExactly(List.of("0"));
    }

    /** The query counting the tool's history rows for {@code name}. */
    private static String countOf(String tool, TestDatabase db, String name) {
        return switch (tool) {
            case "alembic" -> "SELECT COUNT(*) FROM alembic_version WHERE version_num = '" + name + "'";
            case "django" -> "SELECT COUNT(*) FROM django_migrations WHERE app = 'ledger' AND name = '"
                    + name.substring("ledger.".length()) + "'";
            case "knex" -> "SELECT COUNT(*) FROM knex_migrations WHERE name = '" + name + "'";
            default -> "SELECT COUNT(*) FROM " + ToolFixtures.table(db, tool) + " WHERE name = '" + name + "'";
        };
    }

    private static Path workingDirectory(String tool) {
        return TOOLS.resolve(tool);
    }

    /**
     * The tool's own migrate command, as docs/other-tools.md shows it (npx finds the Node.js tools installed in
     * src/test/tools), with its connection settings in {@code env}.
     */
    private static List<String> command(String tool, TestDatabase db, Map<String, String> env) {
        boolean pg = db.kind() == DatabaseKind.POSTGRESQL;
        Matcher m = Pattern.compile("//([^:/]+):(\\d+)/").matcher(db.url());
        assertThat(m.find()).as("host and port in %s", db.url()).isTrue();
        String host = m.group(1);
        String port = m.group(2);
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        switch (tool) {
            case "alembic":
                env.put("ALEMBIC_URL", (pg ? "postgresql+psycopg2" : "mysql+mysqldb") + "://" + db.user() + ":"
                        + db.password() + "@" + host + ":" + port + "/" + db.name());
                return List.of(PYTHON, "-m", "alembic", "-c", TOOLS.resolve("alembic/alembic.ini").toString(),
                        "upgrade", "head");
            case "django":
                env.putAll(Map.of("DJANGO_DB_ENGINE", pg ? "django.db.backends.postgresql"
                        : "django.db.backends.mysql", "DJANGO_DB_HOST", host, "DJANGO_DB_PORT", port,
                        "DJANGO_DB_NAME", db.name(), "DJANGO_DB_USER", db.user(), "DJANGO_DB_PASSWORD",
                        db.password()));
                return List.of(PYTHON, "manage.py", "migrate", "--no-input");
            case "knex":
                env.putAll(Map.of("KNEX_CLIENT", pg ? "pg" : "mysql2", "DB_HOST", host, "DB_PORT", port, "DB_NAME",
                        db.name(), "DB_USER", db.user(), "DB_PASSWORD", db.password()));
                return List.of("npx", "knex", "migrate:latest");
            default:
                env.putAll(Map.of("SEQUELIZE_DIALECT", pg ? "postgres" : "mysql", "DB_HOST", host, "DB_PORT", port,
                        "DB_NAME", db.name(), "DB_USER", db.user(), "DB_PASSWORD", db.password()));
                return List.of("npx", "sequelize-cli", "db:migrate");
        }
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static void assumeInstalled(String tool) throws IOException, InterruptedException {
        if (tool.equals("alembic") || tool.equals("django")) {
            String module = tool.equals("alembic") ? "alembic" : "django";
            boolean present = Files.isExecutable(Path.of(PYTHON)) && new ProcessBuilder(PYTHON, "-c",
                    "import " + module + ", psycopg2, MySQLdb").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
            Assumptions.assumeTrue(present, tool + " is not installed: apt-get install python3-" + module
                    + " python3-psycopg2 python3-mysqldb");
        } else {
            boolean present = Files.isDirectory(TOOLS.resolve("node_modules/" + (tool.equals("knex") ? "knex"
                    : "sequelize-cli"))) && onPath("npx");
            Assumptions.assumeTrue(present, tool + " is not installed: run npm ci in " + TOOLS
                    + " (src/test/tools/regenerate.sh does)");
        }
    }
}
