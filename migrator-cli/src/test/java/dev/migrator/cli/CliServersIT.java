package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.cli.CliJar.Run;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar against database servers: PostgreSQL (the lock, the secrets) and MariaDB reached as jdbc:mysql:. */
class CliServersIT {
    private static final String SECRET = "Wr0ng-S3cret-f0r-the-test";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @Test
    void migrateAndInfo_onPostgres_printTheDocumentedReports() {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Fixtures.workspace(dir, "shop");
        Map<String, String> env = Map.of("DB_PASSWORD", db.password());

        JsonNode migrated = CliCommandsIT.json("migrate", CliJar.run(dir, env, "migrate", "--url", db.url(),
                "--user", db.user(), "--password-env", "DB_PASSWORD", "--json"));
        JsonNode info = CliCommandsIT.json("info", CliJar.run(dir, env, "info", "--url", db.url(), "--user",
                db.user(), "--password-env", "DB_PASSWORD", "--json"));

        // One target form for every command: the URL as typed, without credentials (issue 12 item 5).
        assertThat(migrated.get("target").asText()).startsWith(db.url()).isEqualTo(info.get("target").asText());
        assertThat(migrated.get("versionAfter").asText()).isEqualTo("3");
        assertThat(info.get("migrations")).extracting(m -> m.get("state").asText()).containsOnly("APPLIED");
    }

    @Test
    void lockHeldByAnotherInstance_exitsFourAfterTheLockTimeout_andAppliesNothing() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Fixtures.workspace(dir, "shop");
        try (Connection other = db.connect()) {
            // What another migrating instance holds: the session advisory lock on the history table's key.
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, fnv64("public.migrator_history"));
                lock.execute();
            }
            long start = System.nanoTime();

            Run run = CliJar.run(dir, Map.of("MIGRATOR_PASSWORD", db.password()), "migrate", "--url", db.url(),
                    "--user", db.user(), "--lock-timeout", "1", "--json");

            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1_000);
            // In command-line terms (issue 12 item 3): the option the user can raise, not the builder method.
            assertThat(CliExitStatusIT.error(run, 4, "LOCK_TIMEOUT").get("message").asText())
                    .contains("for longer than --lock-timeout (1 s)").doesNotContain("lockTimeout");
            try (PreparedStatement s = other.prepareStatement("SELECT count(*) FROM information_schema.tables "
                    + "WHERE table_name = 'customers'"); ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void password_neverAppearsInTheOutput_evenWhenTheConnectionFails() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Fixtures.workspace(dir, "shop");
        // The local server may trust 127.0.0.1 and never check a password: a database that does not exist fails.
        String missing = db.url().replace(db.name(), db.name() + "_missing");
        Path passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, SECRET + "\n", StandardCharsets.UTF_8);
        String h2 = Fixtures.h2Url(dir);
        try (Connection created = DriverManager.getConnection(h2, "sa", "the-right-password")) {
            assertThat(created.isValid(1)).isTrue();
        }

        Run fromEnv = CliJar.run(dir, Map.of("DB_PASSWORD", SECRET), "migrate", "--url", missing, "--user",
                db.user(), "--password-env", "DB_PASSWORD", "--json");
        Run fromFile = CliJar.run(dir, Map.of(), "info", "--url", h2, "--user", "sa", "--password-file",
                passwordFile.toString());
        Run inUrl = CliJar.run(dir, Map.of(), "validate", "--url", missing + "?user=" + db.user() + "&password="
                + SECRET, "--json");

        assertThat(CliExitStatusIT.error(fromEnv, 2, "CONFIGURATION").get("message").asText())
                .contains("Cannot connect");
        assertThat(fromFile.exitStatus()).as("%s", fromFile).isEqualTo(2);
        assertThat(fromFile.stderr()).contains("Cannot connect");
        // The URL is shown taken apart, without its password parameter: not even password=****.
        assertThat(CliExitStatusIT.error(inUrl, 2, "CONFIGURATION").get("message").asText())
                .contains("Cannot connect to " + missing).doesNotContain("password=");
        assertThat(fromEnv.output() + fromFile.output() + inUrl.output()).doesNotContain(SECRET);
    }

    @Test
    void mysqlUrl_isServedByTheBundledMariaDbDriver() {
        TestDatabase db = databases.create(DatabaseKind.MARIADB);
        Fixtures.workspace(dir, "shop");
        String mysqlUrl = db.url().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");

        JsonNode plan = CliCommandsIT.json("plan", CliJar.run(dir, Map.of("MIGRATOR_PASSWORD", db.password()),
                "plan", "--url", mysqlUrl, "--user", db.user(), "--json"));

        assertThat(plan.get("migrations")).hasSize(4);
    }

    /** FNV-1a 64, as migrator-jdbc derives advisory-lock keys (LockKeys): fixed by its specification. */
    static long fnv64(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
