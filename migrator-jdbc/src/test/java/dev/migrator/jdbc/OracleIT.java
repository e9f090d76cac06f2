package dev.migrator.jdbc;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SessionLock;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.core.RollbackResult;
import dev.migrator.jdbc.internal.OracleDialect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scenarios of migrator-it's MigrateIT, FailureIT and ConcurrencyIT against a real Oracle Database 23ai Free in a
 * container, one fresh user (schema) per test, with and without EXECUTE on DBMS_LOCK. Skipped, and reported as
 * skipped, where Docker does not run (as on this project's CI machine).
 */
@Testcontainers(disabledWithoutDocker = true)
class OracleIT {
    private static final String BASIC = "classpath:db/oracle/basic";
    // Generated, so no password is written down anywhere.
    private static final String PASSWORD = "Mg" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    private static final AtomicInteger USERS = new AtomicInteger();

    @Container
    private static final GenericContainer<?> SERVER = new GenericContainer<>(
            DockerImageName.parse("gvenzl/oracle-free:23-slim-faststart"))
            .withEnv("ORACLE_PASSWORD", PASSWORD)
            .withExposedPorts(1521)
            .waitingFor(Wait.forLogMessage(".*DATABASE IS READY TO USE!.*", 1))
            .withStartupTimeout(Duration.ofMinutes(10));

    private static String url() {
        return "jdbc:oracle:thin:@//" + SERVER.getHost() + ":" + SERVER.getMappedPort(1521) + "/FREEPDB1";
    }

    @BeforeAll
    static void waitForLogins() throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try (Connection c = sys()) {
                return;
            } catch (SQLException e) {
                if (attempt == 60) {
                    throw new IllegalStateException("Oracle does not accept logins", e);
                }
                Thread.sleep(1_000);
            }
        }
    }

    private static Connection sys() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "sys");
        p.setProperty("password", PASSWORD);
        p.setProperty("internal_logon", "sysdba");
        return DriverManager.getConnection(url(), p);
    }

    /** A fresh user with what an application's migration user usually has; DBMS_LOCK only when asked. */
    private static TestServer newUser(boolean dbmsLock) {
        String user = "MIGRATOR_" + USERS.incrementAndGet();
        try (Connection c = sys(); Statement s = c.createStatement()) {
            s.execute("CREATE USER " + user + " IDENTIFIED BY \"" + PASSWORD + "\" QUOTA UNLIMITED ON USERS");
            s.execute("GRANT CREATE SESSION, CREATE TABLE, CREATE VIEW, CREATE SEQUENCE, CREATE PROCEDURE, "
                    + "CREATE TRIGGER, CREATE TYPE TO " + user);
            if (dbmsLock) {
                s.execute("GRANT EXECUTE ON SYS.DBMS_LOCK TO " + user);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new TestServer(url(), user, PASSWORD);
    }

    private static Migrator.Builder migrator(TestServer db, String... locations) {
        return Migrator.builder().target(db.target(null)).locations(locations);
    }

    private static String history(TestServer db) {
        return "\"" + db.user() + "\".\"migrator_history\"";
    }

    @Test
    void bootMigration_withDbmsLock_announcesEachDdlMigration_andCreatesNoLockTable() {
        TestServer db = newUser(true);

        MigrateResult result = migrator(db, BASIC).build().migrate();

        assertThat(result.applied()).extracting(m -> m.version()).containsExactly("1", "2", null);
        assertThat(db.query("SELECT owner FROM account_owners ORDER BY id"))
                .containsExactly(List.of("Ada"), List.of("Grace"));
        assertThat(db.allHistory(history(db))).containsExactly("1 APPLY STARTED", "1 APPLY SUCCESS",
                "2 APPLY STARTED", "2 APPLY SUCCESS", "null APPLY STARTED", "null APPLY SUCCESS");
        assertThat(db.query("SELECT table_name FROM user_tables ORDER BY table_name"))
                .containsExactly(List.of("ACCOUNTS"), List.of("migrator_history"));
    }

    @Test
    void bootMigration_withoutDbmsLock_usesTheLeaseRow() {
        TestServer db = newUser(false);

        migrator(db, BASIC).build().migrate();

        assertThat(db.query("SELECT table_name FROM user_tables ORDER BY table_name"))
                .containsExactly(List.of("ACCOUNTS"), List.of("migrator_history"), List.of("migrator_lock"));
    }

    @Test
    void secondBoot_appliesNothing() {
        TestServer db = newUser(true);
        migrator(db, BASIC).build().migrate();

        assertThat(migrator(db, BASIC).build().migrate().applied()).isEmpty();
    }

    @Test
    void failureAfterDdl_isFailedUntilRepair(@TempDir Path dir) throws Exception {
        TestServer db = newUser(true);
        Files.writeString(dir.resolve("V1__Create_accounts.sql"), "CREATE TABLE accounts (id NUMBER(10) PRIMARY KEY);\n");
        Files.writeString(dir.resolve("V2__Ledger.sql"), """
                CREATE TABLE ledger (id NUMBER(10) PRIMARY KEY);
                INSERT INTO ledger_typo (id) VALUES (1);
                """);
        Migrator migrator = migrator(db, "filesystem:" + dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("ORA-00942").hasMessageContaining("recorded as FAILED");
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 FAILED");
        assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class);

        db.execute("DROP TABLE ledger PURGE");
        Files.writeString(dir.resolve("V2__Ledger.sql"), "CREATE TABLE ledger (id NUMBER(10) PRIMARY KEY);\n");
        assertThat(migrator.repair().clearedFailures()).containsExactly("2");
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("2");
    }

    @Test
    void aPlsqlUnitThatDoesNotCompile_failsTheMigration(@TempDir Path dir) throws Exception {
        TestServer db = newUser(true);
        Files.writeString(dir.resolve("V1__Broken.sql"), """
                CREATE OR REPLACE PROCEDURE broken AS
                BEGIN
                  UPDATE no_such_table SET x = 1;
                END;
                /
                """);

        assertThatThrownBy(() -> migrator(db, "filesystem:" + dir).build().migrate())
                .isInstanceOf(MigrationFailedException.class);
    }

    @Test
    void rollback_runsTheUndoScript() {
        TestServer db = newUser(true);
        Migrator migrator = migrator(db, BASIC).build();
        migrator.migrate();

        RollbackResult result = migrator.rollback(1);

        assertThat(result.undone()).extracting(m -> m.version()).containsExactly("2");
        assertThat(db.query("SELECT COUNT(*) FROM user_tab_columns WHERE table_name = 'ACCOUNTS' "
                + "AND column_name = 'IBAN'")).containsExactly(List.of("0"));
    }

    @Test
    void fourInstancesBootingTogether_applyEveryMigrationExactlyOnce_withDbmsLockAndWithTheLease() throws Exception {
        for (boolean dbmsLock : new boolean[]{true, false}) {
            TestServer db = newUser(dbmsLock);

            List<MigrateResult> results = ConcurrentBoots.migrate(4, () -> migrator(db, BASIC).build(), 180);

            assertThat(results).flatExtracting(MigrateResult::applied).extracting(m -> m.version())
                    .containsExactlyInAnyOrder("1", "2", null);
            assertThat(db.history(history(db))).containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS",
                    "null APPLY SUCCESS");
        }
    }

    @Test
    void plsqlUnitsEndedBySlashLines_areCompiledAndRun() {
        TestServer db = newUser(true);

        migrator(db, "classpath:db/oracle/plsql").build().migrate();

        assertThat(db.query("SELECT closed FROM accounts WHERE id = 1")).containsExactly(List.of("1"));
        assertThat(db.query("SELECT object_name, status FROM user_objects WHERE object_type IN ('PACKAGE', "
                + "'PACKAGE BODY', 'TRIGGER') AND status <> 'VALID'")).isEmpty();
        assertThatThrownBy(() -> db.execute("DELETE FROM accounts")).hasMessageContaining("never deleted");
    }

    @Test
    void theConfiguredSchemaIsMadeCurrent_andALowerCaseNameIsRefusedWithAHint() {
        TestServer db = newUser(true);

        migrator(db, BASIC).schema(db.user()).build().migrate();

        assertThat(db.allHistory(history(db))).hasSize(6);
        assertThatThrownBy(() -> migrator(db, BASIC).schema(db.user().toLowerCase()).build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("use schema(\"" + db.user() + "\")");
    }

    @Test
    void theDbmsLockDiesWithItsSession_soACrashedHolderCannotKeepIt() throws SQLException {
        TestServer db = newUser(true);
        List<Connection> opened = new ArrayList<>();
        Supplier<Connection> connections = db.recordingConnections(opened);
        SessionLock crashed = new OracleDialect().sessionLock(connections.get(), db.user() + ".migrator_history");
        SessionLock next = new OracleDialect().sessionLock(connections.get(), db.user() + ".migrator_history");

        assertThat(crashed.tryAcquire()).isTrue();
        assertThat(next.tryAcquire()).isFalse();
        opened.get(0).close();   // the holder's session ends without releasing
        assertThat(next.tryAcquire()).isTrue();
        next.release();
    }

    @Test
    void snapshotsOfTheSameSchemaBuiltTwice_areEqual_despiteGeneratedNamesAndTheRecycleBin(@TempDir Path dir)
            throws Exception {
        TestServer db = newUser(true);
        Files.writeString(dir.resolve("V1__Create_accounts.sql"), "CREATE TABLE accounts (id NUMBER(10) PRIMARY KEY, "
                + "owner VARCHAR2(100 CHAR) UNIQUE, seq NUMBER GENERATED ALWAYS AS IDENTITY);\n");
        Files.writeString(dir.resolve("U1__Create_accounts.sql"), "DROP TABLE accounts;\n");
        Migrator migrator = migrator(db, "filesystem:" + dir).build();
        migrator.migrate();
        SchemaModel first = snapshot(db);

        migrator.rollback(1);
        migrator.migrate();

        assertThat(snapshot(db)).isEqualTo(first);
        assertThat(first.objects()).noneMatch(o -> o.name().startsWith("BIN$") || o.name().contains("SYS_C"));
    }

    private static SchemaModel snapshot(TestServer db) {
        try (TargetSession session = db.target(null).open(new TargetSettings(null, "migrator_history",
                "migrator_lock"))) {
            return session.snapshot();
        }
    }
}
