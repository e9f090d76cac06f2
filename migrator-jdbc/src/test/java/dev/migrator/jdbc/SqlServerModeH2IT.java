package dev.migrator.jdbc;

import dev.migrator.api.MigrationFailedException;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.core.RollbackResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SQL Server dialect driven through a real {@link Migrator}, on H2 in {@code MODE=MSSQLServer} with the dialect
 * forced: T-SQL scripts in GO batches, the {@code [bracketed]} NVARCHAR / DATETIME2 history, the classification of
 * batches. Two things H2 cannot show are tested elsewhere: sp_getapplock does not exist on H2, so the dialect gives
 * a database that only speaks T-SQL the lease lock (the lock calls run against a stand-in procedure in
 * SqlServerAppLockIT, and against SQL Server in SqlServerIT); and H2 commits DDL at once, so the failing migration
 * here fails after DML only, while SqlServerIT shows SQL Server rolling back a CREATE TABLE. What every target does
 * (a second boot, instances booting together) is migrator-it's contract suite, on its SqlServerOnH2 fixture.
 */
class SqlServerModeH2IT {
    private static final String BASIC = "classpath:db/sqlserver/basic";
    private static final String HISTORY = "[PUBLIC].[migrator_history]";

    private final TestServer db = TestServer.h2("MSSQLServer", "sqlserver");

    private Migrator.Builder migrator(String... locations) {
        return Migrator.builder().target(db.target("sqlserver")).locations(locations);
    }

    @Test
    void bootMigration_runsGoBatchesInOrder_andKeepsTheHistoryInABracketedTable() {
        MigrateResult result = migrator(BASIC).build().migrate();

        assertThat(result.applied()).extracting(m -> m.version() + " " + m.script())
                .containsExactly("1 V1__Create_accounts.sql", "2 V2__Add_iban.sql", "null R__Account_owners.sql");
        assertThat(db.query("SELECT owner FROM account_owners ORDER BY id"))
                .containsExactly(List.of("Ada"), List.of("Grace"));
        // SQL Server rolls DDL back, so every migration and its history row commit together: no STARTED rows.
        assertThat(db.allHistory(HISTORY)).containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS", "null APPLY SUCCESS");
        assertThat(db.query("SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, DATETIME_PRECISION "
                + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'migrator_history' "
                + "AND COLUMN_NAME IN ('VERSION', 'INSTALLED_ON', 'EXECUTION_TIME') ORDER BY COLUMN_NAME"))
                .containsExactly(Arrays.asList("EXECUTION_TIME", "BIGINT", null, null),
                        Arrays.asList("INSTALLED_ON", "TIMESTAMP", null, "3"),
                        Arrays.asList("VERSION", "CHARACTER VARYING", "50", null));
        // No sp_getapplock on H2: the lease table shows which lock was used.
        assertThat(db.tableExists("PUBLIC", "migrator_lock")).isTrue();
    }

    @Test
    void failingBatch_leavesNothingBehind_andIsPendingAgainUntilFixed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__Create_accounts.sql"), """
                CREATE TABLE accounts (id INT NOT NULL PRIMARY KEY, balance DECIMAL(19, 2) DEFAULT 0 NOT NULL);
                GO
                INSERT INTO accounts (id) VALUES (1);
                GO
                """);
        Files.writeString(dir.resolve("V2__Credit.sql"), """
                UPDATE accounts SET balance = balance + 10 WHERE id = 1;
                GO
                INSERT INTO missing_ledger (id) VALUES (1);
                GO
                """);
        Migrator migrator = migrator("filesystem:" + dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V2__Credit.sql (version 2) failed at line 3 (statement 2)")
                .hasMessageContaining("nothing was left behind");

        assertThat(db.query("SELECT balance FROM accounts")).containsExactly(List.of("0.00"));
        assertThat(db.history(HISTORY)).containsExactly("1 APPLY SUCCESS", "2 APPLY REVERTED");
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 PENDING");

        Files.writeString(dir.resolve("V2__Credit.sql"), "UPDATE accounts SET balance = balance + 10 WHERE id = 1;\n");
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).containsExactly("2");
        assertThat(db.query("SELECT balance FROM accounts")).containsExactly(List.of("10.00"));
    }

    @Test
    void rollback_runsTheUndoBatches_andMigrateAppliesThemAgain() {
        Migrator migrator = migrator(BASIC).build();
        migrator.migrate();

        RollbackResult result = migrator.rollback(1);

        assertThat(result.undone()).extracting(m -> m.version()).containsExactly("2");
        assertThat(result.versionAfter()).isEqualTo("1");
        assertThat(db.query("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'ACCOUNTS' "
                + "AND COLUMN_NAME = 'IBAN'")).containsExactly(List.of("0"));
        assertThat(db.history(HISTORY)).endsWith("2 UNDO SUCCESS");
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).contains("2");
    }

    @Test
    void plan_endsEveryBatchWithAGoLine() {
        String sql = migrator(BASIC).build().plan().toSql();

        assertThat(sql).contains("ALTER TABLE accounts ADD iban NVARCHAR(34) NULL\nGO\n",
                "CREATE INDEX accounts_iban ON accounts (iban)\nGO");
        assertThat(db.tableExists("PUBLIC", "migrator_history")).isFalse();
    }
}
