package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.core.FleetOutcome;
import dev.migrator.core.FleetResult;
import dev.migrator.core.FleetTargetResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The fleet options of the command line, run in-process on schemas of one H2 database. */
class FleetCommandTest {
    private static final String PASSWORD = "s3cret-tenant-pw";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    // H2's own lock timeout: tenants create their schemas and tables at once, and H2 runs migrator's DDL one at a time.
    private final String url = "jdbc:h2:mem:fleet-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final List<String> secrets = new ArrayList<>();

    /** What one run printed and how it ended. */
    record Run(int exitStatus, String stdout, String stderr) {
        JsonNode json() throws Exception {
            return JSON.readTree(stdout);
        }
    }

    private Run cli(Map<String, String> extraEnv, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("TENANTS_PASSWORD", PASSWORD);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--locations", "filesystem:" + dir.resolve("db/tenant")));
        int status = new Cli(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), secrets::add).run(all.toArray(String[]::new));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path migrations() throws Exception {
        Path set = Files.createDirectories(dir.resolve("db/tenant"));
        Files.writeString(set.resolve("V1__Create_items.sql"), "CREATE TABLE items (id INT PRIMARY KEY, tenant VARCHAR(40));\n");
        Files.writeString(set.resolve("V2__First_item.sql"), "INSERT INTO ${table} VALUES (1, '${tenant}');\n");
        return set;
    }

    /** The targets file of docs/fleet.md, over this test's database; {@code broken} names the tenant whose V2 fails. */
    private Path targetsFile(String broken) throws Exception {
        StringBuilder yaml = new StringBuilder("""
                defaults:
                  url: %s
                  user: sa
                  password-env: TENANTS_PASSWORD
                  placeholders:
                    table: items
                targets:
                """.formatted(url));
        for (String tenant : List.of("acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka")) {
            yaml.append("  - name: ").append(tenant).append('\n')
                    .append("    schema: ").append(tenant).append('\n')
                    .append("    group: ").append(tenant.compareTo("m") < 0 ? "a-to-l" : "m-to-z").append('\n')
                    .append("    placeholders: {tenant: ").append(tenant)
                    .append(tenant.equals(broken) ? ", table: no_such_table" : "").append("}\n");
        }
        Path file = dir.resolve("tenants.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** The schemas whose history holds {@code version} as the highest succeeded one, lower-cased. */
    private List<String> tenantsAt(String version) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", PASSWORD);
             ResultSet tables = c.createStatement().executeQuery("SELECT table_schema, table_name FROM "
                     + "information_schema.tables WHERE LOWER(table_name) = 'migrator_history'")) {
            while (tables.next()) {
                String schema = tables.getString(1);
                int highest = 0;
                try (ResultSet h = c.createStatement().executeQuery("SELECT * FROM \"" + schema + "\".\""
                        + tables.getString(2) + "\"")) {
                    while (h.next()) {
                        if ("SUCCESS".equals(h.getString("outcome")) && h.getString("version") != null) {
                            highest = Math.max(highest, Integer.parseInt(h.getString("version")));
                        }
                    }
                }
                if (String.valueOf(highest).equals(version)) {
                    out.add(schema.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** The fleet's keys as docs/json-report.md lists them; each target's error and report have their own tables. */
    private static void assertDocumented(JsonNode json) throws Exception {
        JsonNode copy = json.deepCopy();
        for (JsonNode t : copy.get("targets")) {
            for (String own : List.of("error", "report")) {
                if (t.has(own)) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) t).putObject(own);
                }
            }
        }
        DocumentedKeys.assertDocumented("fleet", JSON.writeValueAsString(copy));
    }

    @Test
    void migrate_continuesPastAFailingTenant_printsOneDocument_andExitsWithItsStatus() throws Exception {
        migrations();
        Path targets = targetsFile("initech");

        // Four at a time, on schemas of one H2 database: the document lists the targets in the file's order.
        Run run = cli(Map.of(), "migrate", "--targets", targets.toString(), "--parallel", "4", "--on-error",
                "continue", "--json");

        assertThat(run.exitStatus()).as(run.stderr()).isEqualTo(1);
        JsonNode json = run.json();
        assertDocumented(json);
        assertThat(json.get("operation").asText()).isEqualTo("migrate");
        assertThat(json.get("success").asBoolean()).isFalse();
        assertThat(json.get("summary").get("succeeded").asInt()).as(run.stderr()).isEqualTo(7);
        assertThat(json.get("summary").get("failed").asInt()).isEqualTo(1);
        JsonNode initech = json.get("targets").get(2);
        assertThat(initech.get("name").asText()).isEqualTo("initech");
        assertThat(initech.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(initech.get("exitStatus").asInt()).isEqualTo(1);
        assertThat(initech.get("error").get("code").asText()).isEqualTo("MIGRATION_FAILED");
        assertThat(initech.get("error").get("script").asText()).isEqualTo("V2__First_item.sql");
        JsonNode acme = json.get("targets").get(0);
        assertThat(acme.get("versionAfter").asText()).isEqualTo("2");
        assertThat(acme.get("migrations")).hasSize(2);
        assertThat(run.stderr()).contains("[8/8] ", "initech FAILED (MIGRATION_FAILED, exit status 1)",
                "migrate: 8 targets, 7 succeeded, 1 failed, 0 skipped in ");
        assertThat(tenantsAt("2")).containsExactlyInAnyOrder("acme", "globex", "umbrella", "hooli", "stark", "wayne",
                "wonka");
        assertThat(secrets).contains(PASSWORD);
        assertThat(run.stdout() + run.stderr()).doesNotContain(PASSWORD);
    }

    @Test
    void aFailingCanary_stopsTheRollout_andTheNextRunResumesIt() throws Exception {
        migrations();

        Run first = cli(Map.of(), "migrate", "--targets", targetsFile("wonka").toString(), "--canary", "wonka",
                "--on-error", "continue");

        assertThat(first.exitStatus()).isEqualTo(1);
        assertThat(first.stdout()).contains("  acme SKIPPED\n", "  wonka FAILED (MIGRATION_FAILED, exit status 1)",
                "migrate: 8 targets, 0 succeeded, 1 failed, 7 skipped");
        assertThat(tenantsAt("2")).isEmpty();

        Run second = cli(Map.of(), "migrate", "--targets", targetsFile("none").toString(), "--canary", "2",
                "--parallel", "4");

        assertThat(second.exitStatus()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains("  wonka SUCCEEDED 1 -> 2 (1 applied, ", "  acme SUCCEEDED none -> 2 (2 applied, ",
                "migrate: 8 targets, 8 succeeded, 0 failed, 0 skipped");
        Run third = cli(Map.of(), "migrate", "--targets", targetsFile("none").toString(), "--parallel", "4");
        assertThat(third.stdout()).contains("  acme SUCCEEDED 2 -> 2 (0 applied, ");
        assertThat(tenantsAt("2")).hasSize(8);
    }

    @Test
    void theTargetsFileOfTheDocs_migratesEveryTenant() throws Exception {
        migrations();
        Path tenants = Paths.get(System.getProperty("migrator.docs.dir", "../docs"), "src/test/resources/fleet/tenants.yaml");

        // The command of docs/fleet.md, with this test's database.
        Run run = cli(Map.of(), "migrate", "--url", url, "--user", "sa", "--targets", tenants.toString(),
                "--placeholder", "table=items", "--parallel", "4", "--canary", "acme", "--on-error", "max=2");

        assertThat(run.exitStatus()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("migrate on 4 targets:\n  acme SUCCEEDED none -> 2 (2 applied, ")
                .contains("migrate: 4 targets, 4 succeeded, 0 failed, 0 skipped in ");
        assertThat(tenantsAt("2")).containsExactlyInAnyOrder("acme", "globex", "initech", "umbrella");
    }

    @Test
    void shards_coverEveryTargetExactlyOnce() throws Exception {
        migrations();
        Path targets = targetsFile("none");
        List<String> seen = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            Run run = i == 3
                    ? cli(Map.of("JOB_COMPLETION_INDEX", "3"), "info", "--targets", targets.toString(), "--shard", "4",
                    "--json")
                    : cli(Map.of(), "info", "--targets", targets.toString(), "--shard", i + "/4", "--json");
            assertThat(run.exitStatus()).as(run.stderr()).isZero();
            assertThat(run.json().get("shard").get("index").asInt()).isEqualTo(i);
            assertDocumented(run.json());
            run.json().get("targets").forEach(t -> seen.add(t.get("name").asText()));
            run.json().get("targets").forEach(t -> assertThat(t.get("report").get("migrations")).hasSize(2));
        }

        assertThat(seen).containsExactlyInAnyOrder("acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne",
                "wonka");
    }

    @Test
    void aBadTargetsFile_isRefusedWithFileAndLine_beforeAnythingIsWritten() throws Exception {
        migrations();
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                targets:
                  - name: acme
                    url: %s
                    pasword-env: TENANTS_PASSWORD
                  - url: %s
                    password: hunter2
                  - name: acme
                    url: %s
                    password-env: NOT_SET_ANYWHERE
                """.formatted(url, url, url));

        Run run = cli(Map.of(), "migrate", "--targets", file.toString());

        assertThat(run.exitStatus()).isEqualTo(2);
        assertThat(run.stderr()).contains("The targets file " + file.toAbsolutePath() + " cannot be used",
                "bad.yaml:2: 'pasword-env' is not a key of a target; the keys are name, url, user, password-env, "
                        + "password-file, schema, group, placeholders, lock",
                "bad.yaml:5: a password in a targets file is refused (its value is not repeated)",
                "bad.yaml:5: the target has no 'name'",
                "bad.yaml:7 (target acme): the environment variable NOT_SET_ANYWHERE (password-env) is not set",
                "bad.yaml:7: the name 'acme' is given twice");
        assertThat(run.stderr()).doesNotContain("hunter2");
        assertThat(tenantsAt("1")).isEmpty();
    }

    @Test
    void aBadLockKey_exitsWithStatus2_namingFileAndTarget_beforeAnyTargetRuns() throws Exception {
        migrations();
        Path file = Files.writeString(dir.resolve("locks.yaml"), """
                defaults:
                  url: %s
                  user: sa
                  password-env: TENANTS_PASSWORD
                targets:
                  - {name: acme, schema: acme, lock: lease}
                  - {name: globex, schema: globex, lock: pgbouncer}
                """.formatted(url));

        Run run = cli(Map.of(), "migrate", "--targets", file.toString(), "--placeholder", "table=items",
                "--placeholder", "tenant=t");

        assertThat(run.exitStatus()).isEqualTo(2);
        assertThat(run.stderr()).contains("The targets file " + file.toAbsolutePath() + " cannot be used",
                "locks.yaml:7 (target globex): 'lock' is 'pgbouncer'; write session (the database's own lock) or "
                        + "lease (a fenced row in migrator_lock, for a target behind a pooler such as PgBouncer)");
        assertThat(tenantsAt("1")).isEmpty();
        assertThat(tenantsAt("2")).isEmpty();
    }

    @Test
    void badFleetOptions_areUsageErrors() throws Exception {
        Path targets = targetsFile("none");

        assertThat(cli(Map.of(), "migrate", "--targets", targets.toString(), "--on-error", "sometimes").stderr())
                .contains("--on-error 'sometimes': write stop, continue, or max=K");
        assertThat(cli(Map.of(), "migrate", "--targets", targets.toString(), "--shard", "4/4").stderr())
                .contains("--shard '4/4' is not a shard: write I/N");
        assertThat(cli(Map.of(), "migrate", "--targets", targets.toString(), "--shard", "4").stderr())
                .contains("JOB_COMPLETION_INDEX is not set");
        assertThat(cli(Map.of(), "migrate", "--targets", targets.toString(), "--canary", "nobody").stderr())
                .contains("--canary: 'nobody' is not the name of a target");
        Run rollback = cli(Map.of(), "rollback", "--targets", targets.toString(), "--count", "1");
        assertThat(rollback.exitStatus()).isEqualTo(2);
        assertThat(rollback.stderr()).contains("--targets is not an option of rollback");
    }

    @Test
    void theTextReport_countsOneTargetInTheSingular() {
        FleetResult one = new FleetResult("info", List.of(new FleetTargetResult("acme", null, FleetOutcome.SUCCEEDED,
                "2", "2", List.of(), Duration.ofMillis(5), null, null)), Duration.ofMillis(5));

        assertThat(new FleetReport(one, new int[] {0, 4}).text()).startsWith("info on 1 target (shard 0/4):\n");
    }

    @Test
    void theShardOfAName_isStable() {
        // Pinned: a change here moves tenants between the pods of running Kubernetes Jobs.
        assertThat(FleetTargets.shardOf("acme", 4)).isEqualTo(FleetTargets.shardOf("acme", 4));
        List<Integer> shards = new ArrayList<>();
        for (String name : List.of("acme", "globex", "initech", "umbrella")) {
            shards.add(FleetTargets.shardOf(name, 4));
        }
        assertThat(shards).allMatch(s -> s >= 0 && s < 4);
    }
}
