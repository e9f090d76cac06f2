package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;
import dev.migrator.api.spi.ScriptStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Oracle dialect's decisions, without a server. */
class OracleDialectTest {
    private final OracleDialect dialect = new OracleDialect();

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE accounts (id NUMBER(10) PRIMARY KEY)",
            "create or replace procedure close_account(p_id NUMBER) AS BEGIN NULL; END;",
            "ALTER TABLE accounts ADD (iban VARCHAR2(34))",
            "DROP INDEX accounts_owner",
            "TRUNCATE TABLE staging",
            "COMMENT ON TABLE accounts IS 'one row per account'",
            "GRANT SELECT ON accounts TO reporting",
            "RENAME accounts_old TO accounts_archive",
            "PURGE RECYCLEBIN",
            "FLASHBACK TABLE accounts TO BEFORE DROP",
            "COMMIT",
            "BEGIN EXECUTE IMMEDIATE 'CREATE TABLE t (id NUMBER)'; END;",
            "DECLARE n NUMBER; BEGIN UPDATE accounts SET closed = 1; COMMIT; END;"
    })
    void ddlAndCommittingBlocksCommitImplicitly(String statement) {
        assertThat(dialect.commitsImplicitly(statement)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO accounts (id) VALUES (1)",
            "UPDATE accounts SET closed = 1",
            "MERGE INTO accounts a USING dual ON (a.id = 1) WHEN NOT MATCHED THEN INSERT (id) VALUES (1)",
            "DELETE FROM staging",
            "LOCK TABLE accounts IN EXCLUSIVE MODE",
            "ALTER SESSION SET NLS_DATE_FORMAT = 'YYYY-MM-DD'",
            "BEGIN INSERT INTO audit_log (msg) VALUES ('COMMIT is not run here'); END;",
            "BEGIN DBMS_OUTPUT.PUT_LINE('EXECUTE IMMEDIATE'); END;"
    })
    void dmlSessionSettingsAndBlocksWithoutDynamicSqlDoNot(String statement) {
        assertThat(dialect.commitsImplicitly(statement)).isFalse();
    }

    @Test
    void ddlIsNotTransactionalAndNothingMustRunOutsideATransaction() {
        assertThat(dialect.transactionalDdl()).isFalse();
        assertThat(dialect.cannotRunInTransaction("CREATE TABLE t (id NUMBER)")).isFalse();
        assertThat(dialect.cannotRunInTransaction("ALTER SESSION SET CURRENT_SCHEMA = APP")).isFalse();
    }

    @Test
    void aScriptMixingSqlAndPlsqlIsClassifiedStatementByStatement() {
        String script = """
                CREATE TABLE accounts (id NUMBER(10) PRIMARY KEY, closed NUMBER(1) DEFAULT 0 NOT NULL);
                INSERT INTO accounts (id) VALUES (1);
                CREATE OR REPLACE TRIGGER accounts_guard
                BEFORE DELETE ON accounts FOR EACH ROW
                BEGIN
                  RAISE_APPLICATION_ERROR(-20001, 'close accounts; never delete them');
                END;
                /
                """;

        List<ScriptStatement> statements = SqlSplitter.split(script, dialect.syntax(), "V1__Accounts.sql");

        assertThat(statements).extracting(s -> dialect.commitsImplicitly(s.text())).containsExactly(true, false, true);
        assertThat(statements.get(2).text()).endsWith("END;");
    }

    @Test
    void historyTableIsQuotedLowerCaseInItsSchema() {
        assertThat(dialect.qualify("APP", "migrator_history")).isEqualTo("\"APP\".\"migrator_history\"");
        assertThat(dialect.quote("odd\"name")).isEqualTo("\"odd\"\"name\"");
    }

    @Test
    void historyColumnsAreVarchar2InCharactersNumbersAndTimestamp3() {
        assertThat(dialect.varchar(2000)).isEqualTo("VARCHAR2(2000 CHAR)");
        assertThat(dialect.integer()).isEqualTo("NUMBER(10)");
        assertThat(dialect.bigint()).isEqualTo("NUMBER(19)");
        assertThat(dialect.timestamp()).isEqualTo("TIMESTAMP(3)");
    }

    @Test
    void schemaIsMadeCurrentWithAlterSessionQuotingItsName() {
        assertThat(dialect.setCurrentSchema("APP")).isEqualTo("ALTER SESSION SET CURRENT_SCHEMA = \"APP\"");
    }

    @Test
    void lockIsAnExclusiveDbmsLockHeldAcrossCommitsAndTakenWithoutWaiting() {
        assertThat(OracleDbmsLock.TRY_LOCK).contains("DBMS_LOCK.ALLOCATE_UNIQUE(lockname => ?, lockhandle => h)",
                "DBMS_LOCK.REQUEST(lockhandle => h, lockmode => DBMS_LOCK.X_MODE, timeout => 0, "
                        + "release_on_commit => FALSE)");
        assertThat(OracleDbmsLock.UNLOCK).contains("DBMS_LOCK.RELEASE(lockhandle => h)");
        assertThat(OracleDbmsLock.lockName("APP.migrator_history")).startsWith("migrator:").hasSizeLessThan(128);
    }

    @Test
    void requestResultsZeroAndFourMeanHeldOneAndTwoMeanBusyThreeAndFiveAreErrors() throws SQLException {
        assertThat(OracleDbmsLock.acquired(0)).isTrue();
        assertThat(OracleDbmsLock.acquired(4)).isTrue();
        assertThat(OracleDbmsLock.acquired(1)).isFalse();
        assertThat(OracleDbmsLock.acquired(2)).isFalse();
        assertThatThrownBy(() -> OracleDbmsLock.acquired(3)).hasMessageContaining("parameter error");
        assertThatThrownBy(() -> OracleDbmsLock.acquired(5)).hasMessageContaining("illegal lock handle");
    }

    @Test
    void onlyAnInvisibleDbmsLockPackageFallsBackToTheLease() {
        assertThat(OracleDbmsLock.isMissingGrant(new SQLException("ORA-06550: line 1, column 26:\n"
                + "PLS-00201: identifier 'DBMS_LOCK' must be declared", "65000", 6550))).isTrue();
        assertThat(OracleDbmsLock.isMissingGrant(new SQLException("ORA-01017: invalid username/password", "72000",
                1017))).isFalse();
        assertThat(OracleDbmsLock.isMissingGrant(new SQLException("IO Error: Connection reset", "08006", 17002)))
                .isFalse();
    }

    @Test
    void uniqueViolationsAndExistingNamesAreLostRacesButAMissingTableIsNot() {
        assertThat(dialect.isDuplicate(new SQLException("ORA-00001: unique constraint violated", "23000", 1)))
                .isTrue();
        assertThat(dialect.isDuplicate(new SQLException("ORA-00955: name is already used by an existing object",
                "42000", 955))).isTrue();
        assertThat(dialect.isDuplicate(new SQLException("ORA-00942: table or view does not exist", "42000", 942)))
                .isFalse();
    }

    @Test
    void reviewableScriptsEndEachStatementWithASlashLine() {
        assertThat(dialect.statementTerminator()).isEqualTo("\n/");
        assertThat(dialect.syntax()).isEqualTo(SqlSyntax.ORACLE);
    }

    @Test
    void detectedFromTheProductNameTheDriverReports() {
        assertThat(JdbcSession.Dialects.pick("Oracle", null)).isInstanceOf(OracleDialect.class);
        assertThat(JdbcSession.Dialects.pick("H2", "oracle")).isInstanceOf(OracleDialect.class);
        assertThat(dialect.handles("H2")).isFalse();
    }

    @Test
    void snapshotsLeaveOutTheRecycleBinAndNamesOracleMadeUp() {
        SchemaModel first = new SchemaModel(List.of(
                new SchemaObject("table", "ACCOUNTS", Map.of()),
                new SchemaObject("column", "ACCOUNTS.ID", Map.of("type", "NUMBER(22)", "nullable", "no",
                        "default", "\"APP\".\"ISEQ$$_73165\".nextval")),
                new SchemaObject("index", "ACCOUNTS_UPPER_OWNER", Map.of("on", "ACCOUNTS(SYS_NC00003$)")),
                new SchemaObject("table", "BIN$3dfMZy8kIx7gYwIAEaxbnA==$0", Map.of()),
                new SchemaObject("column", "BIN$3dfMZy8kIx7gYwIAEaxbnA==$0.ID", Map.of())));
        SchemaModel rebuilt = new SchemaModel(List.of(
                new SchemaObject("table", "ACCOUNTS", Map.of()),
                new SchemaObject("column", "ACCOUNTS.ID", Map.of("type", "NUMBER(22)", "nullable", "no",
                        "default", "\"APP\".\"ISEQ$$_73190\".nextval")),
                new SchemaObject("index", "ACCOUNTS_UPPER_OWNER", Map.of("on", "ACCOUNTS(SYS_NC00004$)"))));

        assertThat(OracleSnapshot.normalize(first)).isEqualTo(OracleSnapshot.normalize(rebuilt));
        assertThat(OracleSnapshot.normalize(first).objects()).extracting(SchemaObject::name)
                .doesNotContain("BIN$3dfMZy8kIx7gYwIAEaxbnA==$0");
    }
}
