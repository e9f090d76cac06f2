package dev.migrator.it.faults;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.migrator.api.LockTimeoutException;
import dev.migrator.api.ValidationException;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.it.MigrateMain;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue #13: clients killed with SIGKILL (a child JVM destroyed forcibly) at random points while migrating, then
 * recovered the way an operator would, with the result checked against the real data: every migration's effect is
 * there exactly once and the history tells the truth; on PostgreSQL, MariaDB, H2 in server mode and MongoDB. And the case that applied a migration twice before: a client
 * killed while its non-transactional statement still runs on the server, followed at once by a second engine and by
 * {@code repair()}.
 */
class KilledClientIT {
    private static final int MIGRATIONS = 12;
    private static final int ROUNDS = 3;
    /** mongo-java-server has no sleep: a longer set of quick migrations instead. */
    private static final int MONGO_MIGRATIONS = 60;
    private static final int MONGO_SPREAD_MILLIS = 300;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    @Timeout(180)
    void clientsKilledAtRandomPoints_recoverWithEachMigrationAppliedExactlyOnce(DatabaseKind kind) throws Exception {
        killAtRandomPoints(kind.name(), 20261205L + kind.ordinal(), ROUNDS, MIGRATIONS, 350,
                round -> KillTarget.of(databases.create(kind)));
    }

    /** H2 in server mode, several JVMs on one database over TCP: the lock is a lease, which a kill leaves behind. */
    @Test
    @Timeout(120)
    void clientsKilledAtRandomPoints_onH2ServerMode_recoverWithEachMigrationAppliedExactlyOnce() throws Exception {
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        try {
            killAtRandomPoints("H2 server", 20261206L, 8, MIGRATIONS, 350, round -> KillTarget.h2Server(
                    "jdbc:h2:tcp://localhost:" + server.getPort() + "/mem:kill" + round + ";DB_CLOSE_DELAY=-1"));
        } finally {
            server.stop();
        }
    }

    /** MongoDB (mongo-java-server over TCP, no transactions): every migration runs command by command. */
    @Test
    @Timeout(120)
    void clientsKilledAtRandomPoints_onMongoDb_recoverWithEachMigrationAppliedExactlyOnce() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress bound = server.bind();
        try {
            killAtRandomPoints("MongoDB", 20261207L, 8, MONGO_MIGRATIONS, MONGO_SPREAD_MILLIS,
                    round -> KillTarget.mongo("mongodb://" + bound.getHostString() + ":" + bound.getPort(),
                            "kill" + round));
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * Rounds of: a fresh database, a child JVM migrating it, killed with SIGKILL a random time (below spreadMillis)
     * after its first migration with an effect; then a fresh engine recovers as an operator would. The seed is in
     * every assertion's message: rerun with it to see the same kill points.
     */
    private void killAtRandomPoints(String name, long seed, int rounds, int migrations, int spreadMillis,
                                    IntFunction<KillTarget> fresh) throws Exception {
        Random random = new Random(seed);
        long started = System.nanoTime();
        int midRun = 0;
        int blocked = 0;
        for (int round = 0; round < rounds; round++) {
            String where = name + ", seed " + seed + ", round " + round;
            try (KillTarget target = fresh.apply(round)) {
                Path scripts = Files.createDirectories(dir.resolve(name.replace(' ', '-') + "-" + round));
                target.writeScripts(scripts, migrations);
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName()));
                command.addAll(target.childArgs());
                command.add("filesystem:" + scripts);
                Process child = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(scripts.resolve("child.log").toFile()).start();
                awaitFirstMigration(target, where);
                Thread.sleep(random.nextInt(spreadMillis));
                child.destroyForcibly().waitFor();
                int before = target.logged();
                midRun += before > 0 && before < migrations - 1 ? 1 : 0;

                Migrator migrator = target.engine().locations("filesystem:" + scripts)
                        .lockTimeout(Duration.ofSeconds(30)).build();
                blocked += recover(target, migrator, where) ? 1 : 0;

                assertThat(target.loggedOtherThanOnce()).as("%s: versions applied other than once", where).isEmpty();
                assertThat(target.logged()).as("%s: versions applied", where).isEqualTo(migrations - 1);
                assertThat(migrator.info()).as("%s: states", where).extracting(MigrationStatus::state)
                        .map(Enum::name).containsOnly("APPLIED");
            }
        }
        System.out.printf("%s, seed %d: %d rounds in %d s, %d killed between the first and the last migration, %d "
                + "left an unfinished migration that blocked the next run%n", name, seed, rounds,
                (System.nanoTime() - started) / 1_000_000_000L, midRun, blocked);
        assertThat(midRun).as("%s, seed %d: rounds whose kill landed between the first and the last migration",
                name, seed).isPositive();
    }

    /** Waits until the child has applied its first migration with an effect. */
    private static void awaitFirstMigration(KillTarget target, String where) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (target.logged() > 0) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // applied_log does not exist yet
            }
            Thread.sleep(5);
        }
        throw new AssertionError(where + ": the child applied nothing within 30 s");
    }

    /**
     * What an operator does after a crash: migrate; if an unfinished migration blocks it, look at the database and
     * either finish it by hand and {@code markApplied}, or undo it and {@code repair()}; migrate again. Returns
     * whether the first migrate was blocked.
     */
    private static boolean recover(KillTarget target, Migrator migrator, String where) throws InterruptedException {
        Throwable blocked = migrateOnceNothingRuns(migrator, where);
        if (blocked == null) {
            return false;
        }
        assertThat(blocked).as(where).isInstanceOf(ValidationException.class).hasMessageContaining("never finished")
                .hasMessageContaining("markApplied(");
        for (MigrationStatus s : migrator.info()) {
            if (!s.state().name().equals("FAILED")) {
                continue;
            }
            int v = Integer.parseInt(s.version());
            boolean created = target.created(v);
            if (created && !target.logged(v)) {
                target.logByHand(v);   // finish it by hand
            }
            if (created) {
                migrator.markApplied(s.version(), "finished by hand after the client was killed");
            } else {
                migrator.repair();
            }
        }
        migrator.migrate();
        return true;
    }

    /**
     * The killed client's last statement may still run on the server for a moment (H2's TCP server ends the session
     * only when that statement finishes, later on a loaded machine): the refusal says so, and the operator waits for
     * it to end before looking at the database, as it advises.
     */
    private static Throwable migrateOnceNothingRuns(Migrator migrator, String where) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            Throwable blocked = catchThrowable(migrator::migrate);
            if (blocked == null || !String.valueOf(blocked.getMessage()).contains("still running")) {
                return blocked;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(where + ": the killed client's statement still runs after 30 s", blocked);
            }
            Thread.sleep(100);
        }
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
