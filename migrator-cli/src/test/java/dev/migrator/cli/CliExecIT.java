package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.cli.CliJar.Run;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code exec}: another tool's command run under migrator's lock, with a stand-in for a tool that takes no lock of
 * its own (it looks, thinks for a second, then applies), on the database servers. The real tools run in
 * migrator-it's ExecRealToolsIT.
 */
class CliExecIT {
    private static final String PENDING = "20240102000000_add_closed.js";
    /**
     * A migration tool without a lock, as Alembic, Django and Sequelize are: started four times at once on its own,
     * all four would find the migration pending and apply it (three then fail on the column that exists).
     */
    private static final String FAKE_KNEX = """
            #!/bin/sh
            set -e
            if [ "$FAKE_KIND" = postgresql ]; then
              q() { PGPASSWORD="$FAKE_PASSWORD" psql -X -q -tA -h "$FAKE_HOST" -p "$FAKE_PORT" -U "$FAKE_USER" -d "$FAKE_DB" -c "$1"; }
            else
              q() { MYSQL_PWD="$FAKE_PASSWORD" mysql -N -s -h "$FAKE_HOST" -P "$FAKE_PORT" -u "$FAKE_USER" "$FAKE_DB" -e "$1"; }
            fi
            n=$(q "SELECT COUNT(*) FROM knex_migrations WHERE name = '%1$s'")
            echo "fake knex: %1$s applied $n time(s) before"
            if [ "$n" = 0 ]; then
              sleep 1
              q "ALTER TABLE accounts ADD COLUMN closed INT DEFAULT 0 NOT NULL"
              q "INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('%1$s', 2, CURRENT_TIMESTAMP)"
            fi
            """.formatted(PENDING);

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    /** A Knex project: its table with the first migration applied, and its migrations folder. */
    private Map<String, String> knexProject(TestDatabase db) throws Exception {
        String client = db.kind() == DatabaseKind.POSTGRESQL ? "psql" : "mysql";
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath(client), client + " (the database's command-line "
                + "client) is not on the PATH: the stand-in tool needs it");
        String serial = db.kind() == DatabaseKind.POSTGRESQL ? "SERIAL" : "INT AUTO_INCREMENT";
        db.execute("CREATE TABLE knex_migrations (id " + serial + " PRIMARY KEY, name VARCHAR(255), batch INT, "
                + "migration_time TIMESTAMP)");
        db.execute("CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(100) NOT NULL)");
        db.execute("INSERT INTO knex_migrations (name, batch, migration_time) VALUES "
                + "('20240101000000_create_accounts.js', 1, CURRENT_TIMESTAMP)");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20240101000000_create_accounts.js"), "exports.up = () => {};\n");
        Files.writeString(migrations.resolve(PENDING), "exports.up = () => {};\n");
        Files.writeString(dir.resolve("fake-knex.sh"), FAKE_KNEX, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("//([^:/]+):(\\d+)/").matcher(db.url());
        assertThat(m.find()).as("host and port in %s", db.url()).isTrue();
        return Map.of("MIGRATOR_PASSWORD", db.password(), "FAKE_KIND", db.kind().key(), "FAKE_HOST", m.group(1),
                "FAKE_PORT", m.group(2), "FAKE_USER", db.user(), "FAKE_PASSWORD", db.password(), "FAKE_DB",
                db.name());
    }

    private String[] exec(TestDatabase db, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", "--tool", "knex", "--url", db.url(), "--user", db.user(),
                "--locations", "filesystem:" + dir.resolve("migrations"), "--json", "--"));
        args.addAll(List.of(command));
        return args.toArray(String[]::new);
    }

    private static List<String> history(TestDatabase db) {
        String table = db.kind() == DatabaseKind.MARIADB ? "migrator_history" : "\"migrator_history\"";
        return db.query("SELECT action, outcome, description FROM " + table + " ORDER BY installed_rank").stream()
                .map(r -> String.join(" ", r)).toList();
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void fourJobsStartingTogether_runTheToolOneAtATime_andItsMigrationIsAppliedOnce(DatabaseKind kind)
            throws Exception {
        TestDatabase db = databases.create(kind);
        Map<String, String> env = knexProject(db);

        List<Run> runs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Run>> started = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                started.add(pool.submit(() -> CliJar.run(dir, env, exec(db, "sh", "fake-knex.sh"))));
            }
            for (Future<Run> f : started) {
                runs.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        List<JsonNode> reports = new ArrayList<>();
        for (Run run : runs) {
            reports.add(CliCommandsIT.json("exec", run));
        }
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.get("success").asBoolean()).isTrue();
            assertThat(r.get("exitCode").asInt()).isZero();
            assertThat(r.get("command").asText()).isEqualTo("sh fake-knex.sh");
        });
        assertThat(reports).filteredOn(r -> r.get("applied").size() > 0).singleElement()
                .satisfies(r -> assertThat(r.get("applied").get(0).asText()).isEqualTo(PENDING));
        assertThat(db.query("SELECT COUNT(*) FROM knex_migrations WHERE name = '" + PENDING + "'"))
                .containsExactly(List.of("1"));
        assertThat(history(db)).filteredOn(r -> r.startsWith("EXEC")).containsExactly("EXEC SUCCESS knex exec",
                "EXEC SUCCESS knex exec", "EXEC SUCCESS knex exec", "EXEC SUCCESS knex exec");
        assertThat(history(db)).filteredOn(r -> r.startsWith("ADOPT")).containsExactly("ADOPT SUCCESS " + PENDING);
        assertThat(String.join("\n", runs.stream().map(Run::stderr).toList()))
                .contains("fake knex: " + PENDING + " applied 0 time(s) before",
                        "fake knex: " + PENDING + " applied 1 time(s) before");
    }

    /**
     * The and the docs' own line, {@code exec --tool knex --url ... -- npx knex migrate:latest}, run from a
     * Knex project: no {@code --locations} and no db/migration there. The rows of the tool's table are compared.
     */
    @Test
    void withoutLocations_fromAToolsProjectFolder_theToolsTableRowsAreCompared() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Map<String, String> env = knexProject(db);

        Run run = CliJar.run(dir, env, "exec", "--tool", "knex", "--url", db.url(), "--user", db.user(), "--json",
                "--", "sh", "fake-knex.sh");

        assertThat(run.exitStatus()).as("%s", run).isZero();
        JsonNode report = DocumentedKeys.assertDocumented("exec", run.stdout());
        assertThat(report.get("success").asBoolean()).isTrue();
        assertThat(report.get("applied").get(0).asText()).isEqualTo(PENDING);
        assertThat(history(db)).containsExactly("ADOPT SUCCESS " + PENDING, "EXEC SUCCESS knex exec");
    }

    @Test
    void aFailingCommand_exitsOne_isRecordedAsFailed_andPasswordsInItAreMasked() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Map<String, String> env = knexProject(db);

        Run run = CliJar.run(dir, env, exec(db, "sh", "-c", "echo applying; exit 3", "tool", "--password",
                "Hunter2-secret", "--url=postgres://app:Hunter3-secret@db/app"));

        assertThat(run.exitStatus()).as("%s", run).isEqualTo(1);
        JsonNode report = DocumentedKeys.assertDocumented("exec", run.stdout());
        assertThat(report.get("success").asBoolean()).isFalse();
        assertThat(report.get("exitCode").asInt()).isEqualTo(3);
        assertThat(report.get("command").asText())
                .isEqualTo("sh -c 'echo applying; exit 3' tool --password **** --url=postgres://app:****@db/app");
        assertThat(run.stderr()).contains("applying");
        assertThat(run.output()).doesNotContain("Hunter2-secret", "Hunter3-secret");
        List<List<String>> rows = db.query("SELECT action, outcome, script, error FROM \"migrator_history\"");
        assertThat(rows).containsExactly(List.of("EXEC", "FAILED",
                "sh -c 'echo applying; exit 3' tool --password **** --url=postgres://app:****@db/app",
                "exit status 3"));
    }

    @Test
    void whileAnotherInstanceHoldsTheLock_execExitsFour_andTheCommandNeverRuns() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Map<String, String> env = knexProject(db);
        Path marker = dir.resolve("ran");
        try (Connection other = db.connect()) {
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, CliServersIT.fnv64("public.migrator_history"));
                lock.execute();
            }
            String[] args = exec(db, "touch", marker.toString());
            List<String> withTimeout = new ArrayList<>(List.of(args));
            withTimeout.addAll(1, List.of("--lock-timeout", "1"));

            Run run = CliJar.run(dir, env, withTimeout.toArray(String[]::new));

            assertThat(CliExitStatusIT.error(run, 4, "LOCK_TIMEOUT").get("message").asText()).isNotBlank();
            assertThat(marker).doesNotExist();
        }
    }

    @Test
    void withoutToolOrCommand_execExplainsWhatItNeeds() {
        Run noTool = CliJar.run(dir, Map.of(), "exec", "--url", "jdbc:h2:mem:x", "--", "true");
        Run noCommand = CliJar.run(dir, Map.of(), "exec", "--tool", "knex", "--url", "jdbc:h2:mem:x");
        Run other = CliJar.run(dir, Map.of(), "info", "--url", "jdbc:h2:mem:x", "--", "true");

        assertThat(noTool.exitStatus()).isEqualTo(2);
        assertThat(noTool.stderr()).contains("exec needs --tool TOOL");
        assertThat(noCommand.exitStatus()).isEqualTo(2);
        assertThat(noCommand.stderr()).contains("exec needs the tool's command after --");
        assertThat(other.exitStatus()).isEqualTo(2);
        assertThat(other.stderr()).contains("only exec runs a command given after --");
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
