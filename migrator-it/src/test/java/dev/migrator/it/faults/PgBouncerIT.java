package dev.migrator.it.faults;

import dev.migrator.it.MigrateMain;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #22 item 3: behind PgBouncer in transaction pooling mode a session lock protects nothing. migrator sees the
 * pooler (the driver's backend pid is PgBouncer's, not the server session's) and takes the fenced lease lock by
 * itself; a deployment may also choose it ({@code JdbcTarget.leaseLock()}). Eight JVMs migrate through PgBouncer at
 * once, either way, and every migration is applied once. Needs a PgBouncer in transaction mode on 127.0.0.1:6432, which
 * {@code .ci/run} installs and starts; without it the test is skipped, saying so.
 */
class PgBouncerIT {
    private static final int INSTANCES = 8;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @BeforeEach
    void needsPgBouncer() {
        Assumptions.assumeTrue(listening(), "PgBouncer is not running on 127.0.0.1:6432 in transaction mode: "
                + "install it (apt-get install pgbouncer) and start it as .ci/run does (start_pgbouncer)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lease", "default"})
    @Timeout(180)
    void eightJvmsThroughPgBouncerInTransactionMode_applyEachMigrationOnce(String lock) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Files.writeString(dir.resolve("V1__Log.sql"), "CREATE TABLE applied_log (version INT, at TIMESTAMP);\n");
        for (int v = 2; v <= 10; v++) {
            Files.writeString(dir.resolve("V" + v + "__Step.sql"), "INSERT INTO applied_log VALUES (" + v
                    + ", clock_timestamp());\nSELECT pg_sleep(0.05);\n");
        }
        // prepareThreshold=0: no server-side prepared statements, which transaction pooling cannot keep.
        String url = "jdbc:postgresql://127.0.0.1:6432/" + db.name() + "?prepareThreshold=0";
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(),
                    url, db.user(), db.password(), "filesystem:" + dir, lock)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("jvm-" + i + ".log").toFile()).start());
        }
        for (int i = 0; i < INSTANCES; i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("exit status of JVM %d: %s", i,
                    Files.readString(dir.resolve("jvm-" + i + ".log"))).isZero();
        }
        if (lock.equals("default")) {
            // Each JVM that took the lock saw the pooler; one that found nothing left to do took none.
            StringBuilder logs = new StringBuilder();
            for (int i = 0; i < INSTANCES; i++) {
                logs.append(Files.readString(dir.resolve("jvm-" + i + ".log")));
            }
            assertThat(logs.toString()).contains("The connection goes through a pooler such as PgBouncer");
        }

        assertThat(db.query("SELECT count(*), count(DISTINCT version) FROM applied_log"))
                .containsExactly(List.of("9", "9"));
        assertThat(db.query("SELECT count(*) FROM migrator_history WHERE action = 'APPLY' AND outcome = 'SUCCESS'"))
                .containsExactly(List.of("10"));
        assertThat(db.query("SELECT count(*) FROM migrator_history WHERE outcome IN ('FAILED', 'REVERTED')"))
                .containsExactly(List.of("0"));
    }

    private static boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 6432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
