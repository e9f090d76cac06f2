package dev.migrator.jdbc;

import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SessionLock;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.MigrationState;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.core.RollbackResult;
import dev.migrator.jdbc.internal.SqlServerDialect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scenarios of migrator-it's MigrateIT, FailureIT and ConcurrencyIT against a real SQL Server 2022 in a container,
 * one fresh database per test. Skipped, and reported as skipped, where Docker does not run (as on this project's CI
 * machine).
 */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerIT {
    private static final String BASIC = "classpath:db/sqlserver/basic";
    private static final String HISTORY = "[dbo].[migrator_history]";
    // Generated, so no password is written down anywhere; SQL Server wants upper, lower, digits and a symbol.
    private static final String PASSWORD = "Mg-" + UUID.randomUUID().toString().toUpperCase() + "-a1";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Container
    private static final GenericContainer<?> SERVER = new GenericContainer<>(
            DockerImageName.parse("mcr.microsoft.com/mssql/server:2022-latest"))
            .withEnv("ACCEPT_EULA", "Y")
            .withEnv("MSSQL_SA_PASSWORD", PASSWORD)
            .withExposedPorts(1433)
            .waitingFor(Wait.forLogMessage(".*SQL Server is now ready for client connections.*", 1))
            .withStartupTimeout(Duration.ofMinutes(5));

    private TestServer db;

    private static TestServer server(String database) {
        return new TestServer("jdbc:sqlserver://" + SERVER.getHost() + ":" + SERVER.getMappedPort(1433)
                + ";databaseName=" + database + ";encrypt=false;trustServerCertificate=true", "sa", PASSWORD);
    }

    @BeforeAll
    static void waitForLogins() throws InterruptedException {
        // The log line comes a little before the server accepts logins.
        for (int attempt = 0; ; attempt++) {
            try (Connection c = server("master").connect()) {
                return;
            } catch (SQLException e) {
                if (attempt == 60) {
                    throw new IllegalStateException("SQL Server does not accept logins", e);
                }
                Thread.sleep(1_000);
            }
        }
    }

    @BeforeEach
    void createDatabase() {
        String name = "migrator_" + DATABASES.incrementAndGet();
        server("master").execute("CREATE DATABASE " + name);
        db = server(name);
    }

    private Migrator.Builder migrator(String... locations) {
        return Migrator.builder().target(db.target(null)).locations(locations);
    }

    @Test
    void bootMigration_appliesTheBatchesAtomically_underAnAppLock() {
        MigrateResult result = migrator(BASIC).build().migrate();

        assertThat(result.applied()).extracting(m -> m.version()).containsExactly("1", "2", null);
        assertThat(db.query("SELECT owner FROM account_owners ORDER BY id"))
                .containsExactly(List.of("Ada"), List.of("Grace"));
        assertThat(db.allHistory(HISTORY)).containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS", "null APPLY SUCCESS");
        assertThat(db.tableExists("dbo", "migrator_lock")).isFalse();
    }

    @Test
    void secondBoot_appliesNothing() {
        migrator(BASIC).build().migrate();

        assertThat(migrator(BASIC).build().migrate().applied()).isEmpty();
        assertThat(migrator(BASIC).build().info()).extracting(MigrationStatus::state)
                .containsOnly(MigrationState.APPLIED);
    }

    @Test
    void failingMigration_rollsItsDdlBack_andIsPendingAgainUntilFixed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__Create_accounts.sql"), "CREATE TABLE accounts (id INT PRIMARY KEY);\n");
        Files.writeString(dir.resolve("V2__Ledger.sql"), """
                CREATE TABLE ledger (id INT PRIMARY KEY, account_id INT NOT NULL);
                GO
                INSERT INTO missing_table (id) VALUES (1);
                GO
                """);
        Migrator migrator = migrator("filesystem:" + dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V2__Ledger.sql (version 2) failed at line 3 (statement 2)")
                .hasMessageContaining("nothing was left behind");

        assertThat(db.tableExists("dbo", "ledger")).isFalse();
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 PENDING");
        Files.writeString(dir.resolve("V2__Ledger.sql"), "CREATE TABLE ledger (id INT PRIMARY KEY);\n");
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("2");
    }

    @Test
    void anErrorInTheMiddleOfABatch_failsTheMigration(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__Seed.sql"), """
                CREATE TABLE accounts (id INT PRIMARY KEY);
                INSERT INTO accounts (id) VALUES (1);
                INSERT INTO accounts (id) VALUES (1);
                """);

        assertThatThrownBy(() -> migrator("filesystem:" + dir).build().migrate())
                .isInstanceOf(MigrationFailedException.class).hasMessageContaining("PRIMARY KEY");
        assertThat(db.tableExists("dbo", "accounts")).isFalse();
    }

    @Test
    void rollback_runsTheUndoBatches() {
        Migrator migrator = migrator(BASIC).build();
        migrator.migrate();

        RollbackResult result = migrator.rollback(1);

        assertThat(result.undone()).extracting(m -> m.version()).containsExactly("2");
        assertThat(db.query("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'accounts' "
                + "AND COLUMN_NAME = 'iban'")).containsExactly(List.of("0"));
    }

    @Test
    void fourInstancesBootingTogether_applyEveryMigrationExactlyOnce() throws Exception {
        List<MigrateResult> results = ConcurrentBoots.migrate(4, () -> migrator(BASIC).build(), 120);

        assertThat(results).flatExtracting(MigrateResult::applied).extracting(m -> m.version())
                .containsExactlyInAnyOrder("1", "2", null);
        assertThat(db.allHistory(HISTORY)).containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS", "null APPLY SUCCESS");
    }

    @Test
    void aProcedureAloneInItsBatch_isCreatedAndCalled() {
        migrator("classpath:db/sqlserver/procedure").build().migrate();

        assertThat(db.query("SELECT closed FROM accounts WHERE id = 1")).containsExactly(List.of("1"));
    }

    @Test
    void alterDatabase_runsOutsideATransactionWithoutBeingTold(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__Snapshot_isolation.sql"),
                "ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON;\nGO\n");

        migrator("filesystem:" + dir).build().migrate();

        assertThat(db.query("SELECT snapshot_isolation_state FROM sys.databases WHERE name = DB_NAME()"))
                .containsExactly(List.of("1"));
    }

    @Test
    void aConfiguredSchema_isCreatedAndHoldsTheHistory_whileUnqualifiedNamesStayInTheDefaultSchema() {
        migrator(BASIC).schema("app").build().migrate();

        assertThat(db.allHistory("[app].[migrator_history]")).hasSize(3);
        assertThat(db.tableExists("dbo", "accounts")).isTrue();
    }

    @Test
    void theAppLockDiesWithItsSession_soACrashedHolderCannotKeepIt() throws SQLException {
        List<Connection> opened = new ArrayList<>();
        Supplier<Connection> connections = db.recordingConnections(opened);
        SessionLock crashed = new SqlServerDialect().sessionLock(connections.get(), "dbo.migrator_history");
        SessionLock next = new SqlServerDialect().sessionLock(connections.get(), "dbo.migrator_history");

        assertThat(crashed.tryAcquire()).isTrue();
        assertThat(next.tryAcquire()).isFalse();
        opened.get(0).close();   // the holder's session ends without releasing
        assertThat(next.tryAcquire()).isTrue();
        next.release();
    }

    @Test
    void snapshotsOfTheSameSchemaBuiltTwice_areEqual_despiteGeneratedConstraintNames(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("V1__Create_accounts.sql"), "CREATE TABLE accounts (id INT PRIMARY KEY, "
                + "owner NVARCHAR(100) UNIQUE, active BIT DEFAULT 1);\n");
        Files.writeString(dir.resolve("U1__Create_accounts.sql"), "DROP TABLE accounts;\n");
        Migrator migrator = migrator("filesystem:" + dir).build();
        migrator.migrate();
        SchemaModel first = snapshot();

        migrator.rollback(1);
        migrator.migrate();

        assertThat(snapshot()).isEqualTo(first);
        assertThat(first.objects()).noneMatch(o -> o.name().startsWith("PK__") || o.name().startsWith("UQ__"));
    }

    private SchemaModel snapshot() {
        try (TargetSession session = db.target(null).open(new TargetSettings(null, "migrator_history",
                "migrator_lock"))) {
            return session.snapshot();
        }
    }
}
