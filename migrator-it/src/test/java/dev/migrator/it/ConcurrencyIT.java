package dev.migrator.it;

import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Many instances booting at once: exactly one migrates, the others wait and find nothing left to do. */
class ConcurrencyIT {
    private static final int MIGRATIONS = 25;
    private static final int INSTANCES = 8;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @RepeatedTest(3)
    @Timeout(120)
    void eightThreadsBootingOnPostgres_applyEveryMigrationExactlyOnce() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        bootConcurrently(db.url(), db.user(), db.password());
        assertExactlyOnce(db.url(), db.user(), db.password(), Targets.historyTable(db));
    }

    @RepeatedTest(3)
    @Timeout(120)
    void eightThreadsBootingOnAnH2File_applyEveryMigrationExactlyOnce() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("h2/db").toAbsolutePath() + ";DB_CLOSE_DELAY=-1";
        bootConcurrently(url, "sa", "");
        assertExactlyOnce(url, "sa", "", "\"migrator_history\"");
    }

    @RepeatedTest(2)
    @Timeout(120)
    void eightThreadsBootingOnMariaDb_applyEveryMigrationExactlyOnce() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.MARIADB);
        bootConcurrently(db.url(), db.user(), db.password());
        assertExactlyOnce(db.url(), db.user(), db.password(), Targets.historyTable(db));
    }

    @Test
    @Timeout(180)
    void threeProcessesBootingOnPostgres_applyEveryMigrationExactlyOnce() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Path scripts = writeMigrations();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(),
                    db.url(), db.user(), db.password(), "filesystem:" + scripts)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("process-" + i + ".log").toFile()).start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("exit status; see the process log in %s", dir).isZero();
        }
        assertExactlyOnce(db.url(), db.user(), db.password(), Targets.historyTable(db));
    }

    private void bootConcurrently(String url, String user, String password) throws Exception {
        Path scripts = writeMigrations();
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MigrateResult>> results = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return Migrator.builder().target(JdbcTarget.of(url, user, password))
                            .locations("filesystem:" + scripts).build().migrate();
                }));
            }
            start.countDown();
            int applied = 0;
            for (Future<MigrateResult> r : results) {
                MigrateResult result = r.get(100, TimeUnit.SECONDS);
                applied += result.applied().size();
                assertThat(result.versionAfter()).isEqualTo(String.valueOf(MIGRATIONS));
            }
            assertThat(applied).isEqualTo(MIGRATIONS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertExactlyOnce(String url, String user, String password, String historyTable)
            throws SQLException {
        Map<String, Integer> successes = new HashMap<>();
        int rows = 0;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version, action, outcome FROM " + historyTable)) {
                while (rs.next()) {
                    if (!rs.getString(3).equals("STARTED")) {
                        rows++;
                    }
                    if (rs.getString(2).equals("APPLY") && rs.getString(3).equals("SUCCESS")) {
                        successes.merge(rs.getString(1), 1, Integer::sum);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t" + MIGRATIONS)) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        assertThat(successes).hasSize(MIGRATIONS).allSatisfy((version, count) -> assertThat(count).isEqualTo(1));
        assertThat(rows).as("history rows other than STARTED").isEqualTo(MIGRATIONS);
    }

    private Path writeMigrations() throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        for (int i = 1; i <= MIGRATIONS; i++) {
            Files.writeString(scripts.resolve("V" + i + "__Table_" + i + ".sql"),
                    "CREATE TABLE t" + i + " (id INT PRIMARY KEY, name VARCHAR(20));\n"
                            + "INSERT INTO t" + i + " (id, name) VALUES (" + i + ", 'row');\n");
        }
        return scripts;
    }
}
