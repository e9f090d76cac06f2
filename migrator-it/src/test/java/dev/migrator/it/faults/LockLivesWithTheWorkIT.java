package dev.migrator.it.faults;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrator.api.LostLockException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue #22: the lock lives and dies with the work. On PostgreSQL and MariaDB the migration lock is held by the session
 * that runs the migrations, so the timeouts real servers are configured with cannot end an idle lock session while
 * the work goes on, and a session the server ends takes the lock and the work with it. In each scenario instance A
 * migrates, instance B starts while A's slow migration runs, and {@link Overlap} watches the server: no two sessions
 * ever run migration statements at the same time, every migration is applied once, and the history holds no FAILED
 * or REVERTED row.
 */
class LockLivesWithTheWorkIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @ParameterizedTest
    @ValueSource(strings = {"idle_session_timeout", "idle_in_transaction_session_timeout", "statement_timeout"})
    @Timeout(60)
    void postgresTimeoutOnTheRoleShorterThanAMigration_secondInstanceWaits_eachMigrationAppliedOnce(String setting)
            throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        // statement_timeout must let the slow statement finish: it is the engine's own short queries it must not trip.
        String value = setting.equals("statement_timeout") ? "3s" : "1s";
        String role = "mig_" + setting.replace("_session", "").replace("_timeout", "") + "_"
                + UUID.randomUUID().toString().substring(0, 6);
        db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'pw-" + role + "'");
        try {
            db.execute("ALTER ROLE " + role + " SET " + setting + " = '" + value + "'");
            db.execute("ALTER DATABASE " + db.name() + " OWNER TO " + role);
            postgresSet(2);
            Migrator migrator = Migrator.builder().target(JdbcTarget.of(db.url(), role, "pw-" + role))
                    .locations("filesystem:" + dir).build();

            bothInstancesSucceedWithoutOverlap(db, migrator, migrator);
        } finally {
            db.execute("REASSIGN OWNED BY " + role + " TO " + db.user());
            db.execute("DROP ROLE " + role);
        }
    }

    @Test
    @Timeout(60)
    void mariaDbWaitTimeoutShorterThanAMigration_secondInstanceWaits_eachMigrationAppliedOnce() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.MARIADB);
        mariaDbSet(2);
        String url = db.url() + (db.url().contains("?") ? "&" : "?")
                + "sessionVariables=wait_timeout=1,net_read_timeout=1";
        Migrator migrator = Migrator.builder().target(JdbcTarget.of(url, db.user(), db.password()))
                .locations("filesystem:" + dir).build();

        bothInstancesSucceedWithoutOverlap(db, migrator, migrator);
    }

    @Test
    @Timeout(60)
    void postgresSessionEndedByAnAdministrator_firstSaysSo_secondFinishesTheJob_withoutOverlap() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        postgresSet(3);
        Migrator migrator = migrator(db);

        sessionEndedMidMigration(db, migrator, "terminated by an administrator");
    }

    @Test
    @Timeout(60)
    void mariaDbSessionKilled_firstSaysSo_secondFinishesTheJob_withoutOverlap() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.MARIADB);
        mariaDbSet(3);
        Migrator migrator = migrator(db);

        sessionEndedMidMigration(db, migrator, "KILL by an administrator");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    @Timeout(90)
    void createIndexConcurrentlyWithFourWaitingEngines_completes_whateverThePoolsAutocommit(boolean autoCommit)
            throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Files.writeString(dir.resolve("V1__Create.sql"), "CREATE TABLE accounts (id INT, iban TEXT);\n"
                + "INSERT INTO accounts SELECT g, 'DE' || g FROM generate_series(1, 20000) g;\n");
        Files.writeString(dir.resolve("V2__Index.sql"), "CREATE INDEX CONCURRENTLY accounts_iban ON accounts (iban);\n");
        Files.writeString(dir.resolve("V3__After.sql"), "ALTER TABLE accounts ADD COLUMN owner TEXT;\n");
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            List<Future<MigrateResult>> runs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(db.url());
                config.setUsername(db.user());
                config.setPassword(db.password());
                config.setAutoCommit(autoCommit);
                config.setMaximumPoolSize(2);
                HikariDataSource ds = new HikariDataSource(config);
                pools.add(ds);
                Migrator migrator = Migrator.builder().target(JdbcTarget.of(ds)).locations("filesystem:" + dir)
                        .build();
                runs.add(pool.submit(migrator::migrate));
            }
            int applied = 0;
            for (Future<MigrateResult> run : runs) {
                applied += run.get(60, TimeUnit.SECONDS).applied().size();
            }

            assertThat(applied).isEqualTo(3);
            assertThat(db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_iban'::regclass"))
                    .containsExactly(List.of("t"));
            // Every pool got its connections back as they came, with no open transaction.
            assertThat(db.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND state LIKE 'idle in transaction%'")).containsExactly(List.of("0"));
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }

    /** A starts; once its slow migration runs, B starts; both succeed; nothing overlapped; each ran once. */
    private void bothInstancesSucceedWithoutOverlap(TestDatabase db, Migrator a, Migrator b) throws Exception {
        try (Overlap overlap = Overlap.watch(db)) {
            Future<MigrateResult> first = pool.submit(a::migrate);
            overlap.awaitMigrationRunning();
            Future<MigrateResult> second = pool.submit(b::migrate);

            int applied = first.get(30, TimeUnit.SECONDS).applied().size()
                    + second.get(30, TimeUnit.SECONDS).applied().size();

            assertThat(applied).isEqualTo(3);
            assertThat(overlap.maxConcurrent()).isEqualTo(1);
        }
        assertEachAppliedOnce(db);
        assertThat(outcomes(db)).doesNotContain("FAILED", "REVERTED");
    }

    /**
     * The server ends A's session during its slow, atomic migration, while B waits. A stops with a
     * {@link LostLockException} naming the cause and saying that nothing of it stayed; B takes the lock only then
     * and applies the rest; a third run has nothing left to do.
     */
    private void sessionEndedMidMigration(TestDatabase db, Migrator migrator, String cause)
            throws Exception {
        try (Overlap overlap = Overlap.watch(db)) {
            Future<MigrateResult> first = pool.submit(migrator::migrate);
            overlap.awaitMigrationRunning();
            Future<MigrateResult> second = pool.submit(migrator::migrate);
            Thread.sleep(300);   // B is waiting for the lock now
            overlap.endRunningSession(db);

            Throwable lost = catchThrowable(() -> first.get(30, TimeUnit.SECONDS)).getCause();
            MigrateResult rest = second.get(30, TimeUnit.SECONDS);

            assertThat(lost).isInstanceOf(LostLockException.class)
                    .hasMessageContaining("The server ended the database session holding the migration lock")
                    .hasMessageContaining(cause)
                    .hasMessageContaining("V2__Slow.sql (version 2)")
                    .hasMessageContaining("nothing of it stayed applied")
                    .hasMessageContaining("Run migrate again");
            assertThat(rest.applied()).extracting(m -> m.version()).containsExactly("2", "3");
            assertThat(overlap.maxConcurrent()).isEqualTo(1);
        }
        assertThat(migrator.migrate().applied()).isEmpty();
        assertEachAppliedOnce(db);
        assertThat(outcomes(db)).doesNotContain("FAILED", "REVERTED");
    }

    private void postgresSet(int seconds) throws Exception {
        Files.writeString(dir.resolve("V1__Log.sql"), "CREATE TABLE applied_log (version INT, sid TEXT);\n");
        Files.writeString(dir.resolve("V2__Slow.sql"), "INSERT INTO applied_log SELECT 2, pg_backend_pid()::text "
                + "FROM (SELECT '" + Overlap.MARKER + "', pg_sleep(" + seconds + ")) x;\n");
        Files.writeString(dir.resolve("V3__After.sql"), "INSERT INTO applied_log VALUES (3, pg_backend_pid()::text);\n");
    }

    private void mariaDbSet(int seconds) throws Exception {
        Files.writeString(dir.resolve("V1__Log.sql"), "CREATE TABLE applied_log (version INT, sid VARCHAR(20));\n");
        Files.writeString(dir.resolve("V2__Slow.sql"), "INSERT INTO applied_log SELECT 2, CONNECTION_ID() "
                + "FROM (SELECT '" + Overlap.MARKER + "', SLEEP(" + seconds + ")) x;\n");
        Files.writeString(dir.resolve("V3__After.sql"), "INSERT INTO applied_log VALUES (3, CONNECTION_ID());\n");
    }

    private Migrator migrator(TestDatabase db) {
        return Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + dir).build();
    }

    private static void assertEachAppliedOnce(TestDatabase db) {
        assertThat(db.query("SELECT version, count(*) FROM applied_log GROUP BY version ORDER BY version"))
                .containsExactly(List.of("2", "1"), List.of("3", "1"));
    }

    private static List<String> outcomes(TestDatabase db) {
        return db.query("SELECT outcome FROM migrator_history").stream().map(r -> r.get(0)).toList();
    }

    @Test
    @Timeout(60)
    void mariaDbFailedMigration_finishedByHand_isMarkedApplied_andNeverRunAgain() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.MARIADB);
        Files.writeString(dir.resolve("V1__Accounts.sql"), "CREATE TABLE accounts (id INT PRIMARY KEY);\n");
        Files.writeString(dir.resolve("V2__Ledger.sql"), "CREATE TABLE t2 (id INT);\n"
                + "INSERT INTO ledger_typo (id) VALUES (1);\n");
        Files.writeString(dir.resolve("V3__Next.sql"), "CREATE TABLE t3 (id INT);\n");
        Migrator migrator = migrator(db);
        Throwable failed = catchThrowable(migrator::migrate);
        assertThat(failed).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("statement 1 of 2 was committed")
                .hasMessageContaining("markApplied(\"2\", \"<reason>\")")
                .hasMessageContaining("repair()");

        // The DBA finishes what the script meant to do, by hand.
        db.execute("INSERT INTO t2 (id) VALUES (1)");
        assertThat(migrator.markApplied("2", "finished by hand, ticket OPS-42").markedApplied()).containsExactly("2");
        MigrateResult next = migrator.migrate();

        assertThat(next.versionBefore()).isEqualTo("2");
        assertThat(next.applied()).extracting(m -> m.version()).containsExactly("3");
        assertThat(db.query("SELECT version, action, outcome, note FROM migrator_history WHERE outcome <> 'STARTED' "
                + "ORDER BY installed_rank")).containsExactly(
                Arrays.asList("1", "APPLY", "SUCCESS", null), Arrays.asList("2", "APPLY", "FAILED", null),
                List.of("2", "MARK_APPLIED", "SUCCESS", "finished by hand, ticket OPS-42"),
                Arrays.asList("3", "APPLY", "SUCCESS", null));
        assertThat(catchThrowable(() -> migrator.markApplied("3", "again"))).hasMessageContaining("already applied");
    }

    @Test
    @Timeout(60)
    void mariaDbFailedMigration_undoneByHand_isRepaired_andRunsAgain() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.MARIADB);
        Files.writeString(dir.resolve("V1__Accounts.sql"), "CREATE TABLE accounts (id INT PRIMARY KEY);\n");
        Files.writeString(dir.resolve("V2__Ledger.sql"), "CREATE TABLE t2 (id INT);\n"
                + "INSERT INTO ledger_typo (id) VALUES (1);\n");
        Migrator migrator = migrator(db);
        assertThat(catchThrowable(migrator::migrate)).isInstanceOf(MigrationFailedException.class);

        // The DBA undoes what stayed applied; the author fixes the script.
        db.execute("DROP TABLE t2");
        Files.writeString(dir.resolve("V2__Ledger.sql"), "CREATE TABLE t2 (id INT);\n"
                + "INSERT INTO t2 (id) VALUES (1);\n");
        assertThat(migrator.repair().clearedFailures()).containsExactly("2");
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("2");

        assertThat(db.query("SELECT version, action, outcome FROM migrator_history WHERE outcome <> 'STARTED' "
                + "ORDER BY installed_rank")).containsExactly(List.of("1", "APPLY", "SUCCESS"),
                List.of("2", "APPLY", "FAILED"), List.of("2", "REPAIR", "SUCCESS"), List.of("2", "APPLY", "SUCCESS"));
        assertThat(db.query("SELECT count(*) FROM t2")).containsExactly(List.of("1"));
    }

    static void execute(String url, String user, String password, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
