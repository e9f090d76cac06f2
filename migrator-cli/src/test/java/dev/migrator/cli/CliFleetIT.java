package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Fleets through the built jar on PostgreSQL: shards in processes started at once, and a run killed halfway. */
@Timeout(600)
class CliFleetIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    private static String tenant(int i) {
        return String.format("tenant_%03d", i);
    }

    /** A targets file of {@code count} tenant schemas of {@code db}, each V2 pausing {@code pause} seconds. */
    private Path targets(TestDatabase db, int count, String pause) throws Exception {
        StringBuilder yaml = new StringBuilder("""
                defaults:
                  url: %s
                  user: %s
                  password-env: TENANTS_PASSWORD
                  placeholders: {pause: '%s'}
                targets:
                """.formatted(db.url(), db.user(), pause));
        for (int i = 1; i <= count; i++) {
            yaml.append("  - {name: ").append(tenant(i)).append(", schema: ").append(tenant(i))
                    .append(", placeholders: {tenant: ").append(tenant(i)).append("}}\n");
        }
        return Files.writeString(dir.resolve("tenants.yaml"), yaml);
    }

    private Process start(TestDatabase db, Path out, Path err, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CliJar.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", CliJar.jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("MIGRATOR_"));
        builder.environment().put("TENANTS_PASSWORD", db.password());
        return builder.start();
    }

    private static List<String> successes(TestDatabase db, String schema) {
        return db.query("SELECT version FROM " + schema + ".migrator_history WHERE outcome = 'SUCCESS' "
                + "ORDER BY installed_rank").stream().map(r -> r.get(0)).toList();
    }

    /** Whether {@code schema} of {@code db} holds the lease lock's table: created by the first lease a run takes. */
    private static boolean hasLockTable(TestDatabase db, String schema) {
        return db.query("SELECT 1 FROM information_schema.tables WHERE table_schema = '" + schema
                + "' AND table_name = 'migrator_lock'").size() == 1;
    }

    private void assertMigrated(TestDatabase db, String... schemas) {
        for (String schema : schemas) {
            assertThat(successes(db, schema)).as(schema).containsExactly("1", "2", "3");
        }
    }

    @Test
    void thePooledTargetsFileOfTheDocs_takesTheLeaseOnlyWhereATargetAsksForIt() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Fixtures.workspace(dir, "fleet");
        Path docs = Paths.get(System.getProperty("migrator.docs.dir", "../docs"), "src/test/resources/fleet/pooled.yaml");
        // The file of docs/fleet.md, its PgBouncer and direct URLs both pointing at this test's database.
        Path targets = Files.writeString(dir.resolve("pooled.yaml"), Files.readString(docs)
                .replace("jdbc:postgresql://pgbouncer:6432/app", db.url())
                .replace("jdbc:postgresql://db:5432/app", db.url())
                .replace("user: migrator", "user: " + db.user()));

        Process run = start(db, dir.resolve("out.json"), dir.resolve("err.txt"), "migrate", "--targets",
                targets.toString(), "--placeholder", "pause=0", "--placeholder", "tenant=t", "--parallel", "3",
                "--json");
        assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        assertMigrated(db, "acme", "globex", "initech");
        assertThat(hasLockTable(db, "acme")).as("acme: lock: lease").isTrue();
        assertThat(hasLockTable(db, "globex")).as("globex: lock: lease").isTrue();
        assertThat(hasLockTable(db, "initech")).as("initech: no key, no --lock: the advisory lock").isFalse();
        assertThat(hasLockTable(db, "public")).isFalse();
    }

    @Test
    void lockLeaseOnTheCommandLine_reachesEveryTarget_butATargetsOwnKeyWins() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Fixtures.workspace(dir, "fleet");
        String yaml = Files.readString(targets(db, 4, "0"));
        Path targets = Files.writeString(dir.resolve("tenants.yaml"), yaml.replace(
                "  - {name: tenant_004, ", "  - {name: tenant_004, lock: session, "));

        Process run = start(db, dir.resolve("out.json"), dir.resolve("err.txt"), "migrate", "--targets",
                targets.toString(), "--lock", "lease", "--parallel", "2", "--json");
        assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        assertMigrated(db, tenant(1), tenant(2), tenant(3), tenant(4));
        for (int i = 1; i <= 3; i++) {
            assertThat(hasLockTable(db, tenant(i))).as(tenant(i) + ": --lock lease").isTrue();
            assertThat(db.query("SELECT COUNT(*) FROM " + tenant(i) + ".migrator_lock")).as("released")
                    .containsExactly(List.of("0"));
        }
        assertThat(hasLockTable(db, tenant(4))).as("tenant_004: lock: session").isFalse();
    }

    @Test
    void fourShardsStartedAtOnce_coverEveryTenantExactlyOnce() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Fixtures.workspace(dir, "fleet");
        Path targets = targets(db, 40, "0");
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            Path out = dir.resolve("out-" + i + ".json");
            outputs.add(out);
            processes.add(start(db, out, dir.resolve("err-" + i + ".txt"), "migrate", "--targets",
                    targets.toString(), "--shard", i + "/4", "--parallel", "2", "--json"));
        }
        List<String> migrated = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assertThat(processes.get(i).waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(processes.get(i).exitValue()).as(Files.readString(dir.resolve("err-" + i + ".txt")))
                    .isZero();
            JsonNode json = JSON.readTree(Files.readString(outputs.get(i), StandardCharsets.UTF_8));
            assertThat(json.get("shard").get("index").asInt()).isEqualTo(i);
            json.get("targets").forEach(t -> migrated.add(t.get("name").asText()));
        }

        List<String> all = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            all.add(tenant(i));
            assertThat(successes(db, tenant(i))).as(tenant(i)).containsExactly("1", "2", "3");
            assertThat(db.query("SELECT tenant FROM " + tenant(i) + ".accounts")).containsExactly(List.of(tenant(i)));
        }
        assertThat(migrated).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void aRunKilledHalfway_finishesTheRestWhenStartedAgain_withEveryHistoryExact() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Fixtures.workspace(dir, "fleet");
        Path targets = targets(db, 24, "0.3");
        Path err = dir.resolve("killed-err.txt");

        Process killed = start(db, dir.resolve("killed-out.txt"), err, "migrate", "--targets", targets.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(err).contains("[8/24] ") && System.nanoTime() < deadline && killed.isAlive()) {
            Thread.sleep(50);
        }
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int finishedBeforeKill = 0;
        for (int i = 1; i <= 24; i++) {
            if (db.query("SELECT 1 FROM information_schema.tables WHERE table_schema = '" + tenant(i)
                    + "' AND table_name = 'migrator_history'").size() == 1 && successes(db, tenant(i)).size() == 3) {
                finishedBeforeKill++;
            }
        }
        assertThat(finishedBeforeKill).as(Files.readString(err)).isBetween(8, 23);

        Path out = dir.resolve("again.json");
        Process again = start(db, out, dir.resolve("again-err.txt"), "migrate", "--targets", targets.toString(),
                "--parallel", "4", "--json");
        assertThat(again.waitFor(300, TimeUnit.SECONDS)).isTrue();

        assertThat(again.exitValue()).as(Files.readString(dir.resolve("again-err.txt"))).isZero();
        JsonNode json = JSON.readTree(Files.readString(out));
        int untouched = 0;
        for (JsonNode t : json.get("targets")) {
            untouched += t.get("migrations").isEmpty() ? 1 : 0;
        }
        assertThat(untouched).isEqualTo(finishedBeforeKill);
        for (int i = 1; i <= 24; i++) {
            assertThat(successes(db, tenant(i))).as(tenant(i)).containsExactly("1", "2", "3");
            assertThat(db.query("SELECT tenant FROM " + tenant(i) + ".accounts")).containsExactly(List.of(tenant(i)));
        }
    }
}
