package dev.migrator.it.faults;

import dev.migrator.api.LockTimeoutException;
import dev.migrator.api.ValidationException;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.it.MigrateMain;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue #13: clients killed with SIGKILL (a child JVM destroyed forcibly) at random points while migrating, then
 * recovered the way an operator would, with the result checked against the real data: every migration's effect is
 * there exactly once and the history tells the truth. And the case that applied a migration twice before: a client
 * killed while its non-transactional statement still runs on the server, followed at once by a second engine and by
 * {@code repair()}.
 */
class KilledClientIT {
    private static final int MIGRATIONS = 12;
    private static final int ROUNDS = 3;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    @Timeout(180)
    void clientsKilledAtRandomPoints_recoverWithEachMigrationAppliedExactlyOnce(DatabaseKind kind) throws Exception {
        Random random = new Random(20261205L + kind.ordinal());
        int midRun = 0;
        for (int round = 0; round < ROUNDS; round++) {
            TestDatabase db = databases.create(kind);
            Path scripts = Files.createDirectories(dir.resolve(kind + "-" + round));
            Files.writeString(scripts.resolve("V1__Log.sql"), "CREATE TABLE applied_log (version INT);\n");
            for (int v = 2; v <= MIGRATIONS; v++) {
                // A DDL statement, then the migration's effect: non-atomic on MariaDB, atomic on PostgreSQL.
                Files.writeString(scripts.resolve("V" + v + "__Step.sql"), "CREATE TABLE t" + v + " (id INT);\n"
                        + "INSERT INTO applied_log (version) VALUES (" + v + ");\n"
                        + (kind == DatabaseKind.POSTGRESQL ? "SELECT pg_sleep(0.03);\n" : "DO SLEEP(0.03);\n"));
            }
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(),
                    db.url(), db.user(), db.password(), "filesystem:" + scripts)
                    .redirectErrorStream(true).redirectOutput(scripts.resolve("child.log").toFile()).start();
            awaitFirstMigration(db);
            Thread.sleep(random.nextInt(350));
            child.destroyForcibly().waitFor();
            int before = count(db);
            midRun += before > 0 && before < MIGRATIONS - 1 ? 1 : 0;

            Migrator migrator = Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                    .locations("filesystem:" + scripts).lockTimeout(Duration.ofSeconds(30)).build();
            recover(db, migrator);

            assertThat(db.query("SELECT version, count(*) FROM applied_log GROUP BY version HAVING count(*) <> 1"))
                    .as("round %d: versions applied other than once", round).isEmpty();
            assertThat(db.query("SELECT count(*) FROM applied_log")).containsExactly(List.of(
                    String.valueOf(MIGRATIONS - 1)));
            assertThat(migrator.info()).extracting(MigrationStatus::state).map(Enum::name)
                    .containsOnly("APPLIED");
        }
        assertThat(midRun).as("rounds whose kill landed between the first and the last migration").isPositive();
    }

    /** Waits until the child has applied its first migration with an effect. */
    private static void awaitFirstMigration(TestDatabase db) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (count(db) > 0) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // applied_log does not exist yet
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the child applied nothing within 30 s");
    }

    private static int count(TestDatabase db) {
        return Integer.parseInt(db.query("SELECT count(*) FROM applied_log").get(0).get(0));
    }

    /**
     * What an operator does after a crash: migrate; if an unfinished migration blocks it, look at the database and
     * either finish it by hand and {@code markApplied}, or undo it and {@code repair()}; migrate again.
     */
    private static void recover(TestDatabase db, Migrator migrator) {
        Throwable blocked = catchThrowable(migrator::migrate);
        if (blocked == null) {
            return;
        }
        assertThat(blocked).isInstanceOf(ValidationException.class).hasMessageContaining("never finished")
                .hasMessageContaining("markApplied(");
        for (MigrationStatus s : migrator.info()) {
            if (!s.state().name().equals("FAILED")) {
                continue;
            }
            int v = Integer.parseInt(s.version());
            boolean logged = !db.query("SELECT 1 FROM applied_log WHERE version = " + v).isEmpty();
            boolean table = !db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 't" + v
                    + "' AND table_schema = " + (db.kind() == DatabaseKind.POSTGRESQL ? "current_schema()"
                    : "DATABASE()")).isEmpty();
            if (table && !logged) {
                db.execute("INSERT INTO applied_log (version) VALUES (" + v + ")");   // finish it by hand
            }
            if (table) {
                migrator.markApplied(s.version(), "finished by hand after the client was killed");
            } else {
                migrator.repair();
            }
        }
        migrator.migrate();
    }

    @Test
    @Timeout(90)
    void clientKilledDuringALongNonTransactionalStatement_neitherASecondEngineNorRepairRunsBesideIt()
            throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Files.writeString(dir.resolve("V1__Log.sql"), "CREATE TABLE applied_log (version INT, sid TEXT);\n");
        Files.writeString(dir.resolve("V2__Slow_outside_a_transaction.sql"), "-- migrator:transaction=false\n"
                + "INSERT INTO applied_log SELECT 2, '" + Overlap.MARKER + "' FROM pg_sleep(3);\n");
        Files.writeString(dir.resolve("V3__After.sql"), "INSERT INTO applied_log VALUES (3, 'after');\n");
        Migrator impatient = Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + dir).lockTimeout(Duration.ofMillis(500)).build();

        try (Overlap overlap = Overlap.watch(db)) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(),
                    db.url(), db.user(), db.password(), "filesystem:" + dir)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            overlap.awaitMigrationRunning();
            child.destroyForcibly().waitFor();

            // The dead client's statement still runs on the server, in the session that holds the lock.
            assertThat(catchThrowable(impatient::migrate)).isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("It is held by session");
            assertThat(catchThrowable(impatient::repair)).isInstanceOf(LockTimeoutException.class);
            assertThat(overlap.maxConcurrent()).isEqualTo(1);
        }

        // Once the statement ends, the server notices the client is gone and ends the session, lock and all.
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + dir).lockTimeout(Duration.ofSeconds(30)).build();
        assertThat(catchThrowable(migrator::migrate)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("V2__Slow_outside_a_transaction.sql").hasMessageContaining("never finished");
        assertThat(db.query("SELECT count(*) FROM applied_log WHERE version = 2")).containsExactly(List.of("1"));
        migrator.markApplied("2", "the statement completed on the server after the client died");
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("3");
        assertThat(db.query("SELECT version, count(*) FROM applied_log GROUP BY version ORDER BY version"))
                .containsExactly(List.of("2", "1"), List.of("3", "1"));
    }
}
