package dev.migrator.jdbc;

import dev.migrator.api.ConfigurationException;
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
 * The Oracle dialect driven through a real {@link Migrator}, on H2 in {@code MODE=Oracle} with the dialect forced:
 * scripts in Oracle's style (slash lines, VARCHAR2 / NUMBER), the quoted lower-case history table, and the discipline
 * of a database whose DDL commits at once (a STARTED row first; a failure after DDL is FAILED until repair). H2 has
 * no PL/SQL, no DBMS_LOCK and no ALTER SESSION, so units, the lock and schema switching are tested against Oracle in
 * OracleIT; here a database that only speaks Oracle's dialect gets the lease lock. What every target does (a second
 * boot, a failure after DDL, instances booting together) is migrator-it's contract suite, on its OracleOnH2 fixture.
 */
class OracleModeH2IT {
    private static final String BASIC = "classpath:db/oracle/basic";
    private static final String HISTORY = "\"PUBLIC\".\"migrator_history\"";

    private final TestServer db = TestServer.h2("Oracle", "oracle");

    private Migrator.Builder migrator(String... locations) {
        return Migrator.builder().target(db.target("oracle")).locations(locations);
    }

    @Test
    void bootMigration_announcesEachDdlMigration_andKeepsTheHistoryInAQuotedLowerCaseTable() {
        MigrateResult result = migrator(BASIC).build().migrate();

        assertThat(result.applied()).extracting(m -> m.version() + " " + m.script())
                .containsExactly("1 V1__Create_accounts.sql", "2 V2__Add_iban.sql", "null R__Account_owners.sql");
        assertThat(db.query("SELECT owner FROM account_owners ORDER BY id"))
                .containsExactly(List.of("Ada"), List.of("Grace"));
        assertThat(db.allHistory(HISTORY)).containsExactly("1 APPLY STARTED", "1 APPLY SUCCESS", "2 APPLY STARTED",
                "2 APPLY SUCCESS", "null APPLY STARTED", "null APPLY SUCCESS");
        assertThat(db.query("SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION "
                + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'migrator_history' "
                + "AND COLUMN_NAME IN ('INSTALLED_RANK', 'VERSION', 'EXECUTION_TIME') ORDER BY COLUMN_NAME"))
                .containsExactly(Arrays.asList("EXECUTION_TIME", "NUMERIC", null, "19"),
                        Arrays.asList("INSTALLED_RANK", "NUMERIC", null, "10"),
                        Arrays.asList("VERSION", "CHARACTER VARYING", "50", null));
        assertThat(db.tableExists("PUBLIC", "migrator_lock")).isTrue();
    }

    @Test
    void failingDmlOnlyMigration_rollsBack_andIsPendingAgain(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__Create_accounts.sql"), "CREATE TABLE accounts (id NUMBER(10) PRIMARY KEY);\n");
        Files.writeString(dir.resolve("V2__Seed.sql"), """
                INSERT INTO accounts (id) VALUES (1);
                INSERT INTO accounts (id) VALUES (1);
                """);
        Migrator migrator = migrator("filesystem:" + dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("nothing was left behind");

        assertThat(db.query("SELECT COUNT(*) FROM accounts")).containsExactly(List.of("0"));
        assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 PENDING");
    }

    @Test
    void rollback_runsTheUndoScript_andMigrateAppliesItAgain() {
        Migrator migrator = migrator(BASIC).build();
        migrator.migrate();

        RollbackResult result = migrator.rollback(1);

        assertThat(result.undone()).extracting(m -> m.version()).containsExactly("2");
        assertThat(db.query("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'ACCOUNTS' "
                + "AND COLUMN_NAME = 'IBAN'")).containsExactly(List.of("0"));
        assertThat(migrator.migrate().applied()).extracting(m -> m.version()).contains("2");
    }

    @Test
    void plan_endsEveryStatementWithASlashLine() {
        String sql = migrator(BASIC).build().plan().toSql();

        assertThat(sql).contains("CREATE INDEX accounts_iban ON accounts (iban)\n/\n",
                "CREATE OR REPLACE VIEW account_owners AS SELECT id, owner FROM accounts\n/");
    }

    @Test
    void aSchemaThatIsNotAUser_isRefusedWithoutCreatingAnything_namingTheUpperCaseUserThatExists() {
        db.execute("CREATE SCHEMA APP");

        assertThatThrownBy(() -> migrator(BASIC).schema("app").build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Schema \"app\" does not exist. On Oracle a schema is a user")
                .hasMessageContaining("use schema(\"APP\")");
        assertThat(db.tableExists(null, "migrator_history")).isFalse();
        assertThat(db.tableExists(null, "accounts")).isFalse();
    }
}
