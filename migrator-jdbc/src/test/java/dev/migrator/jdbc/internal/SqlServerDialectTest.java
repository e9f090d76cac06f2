package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.ScriptStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQL Server dialect's decisions, without a server. */
class SqlServerDialectTest {
    private final SqlServerDialect dialect = new SqlServerDialect();

    @ParameterizedTest
    @ValueSource(strings = {
            "ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON",
            "alter database shop set recovery simple",
            "CREATE DATABASE archive",
            "DROP DATABASE archive",
            "BACKUP DATABASE shop TO DISK = N'/var/backups/shop.bak'",
            "RESTORE DATABASE shop FROM DISK = N'/var/backups/shop.bak'",
            "EXEC sp_configure 'show advanced options', 1; RECONFIGURE",
            "CREATE FULLTEXT CATALOG ft_catalog AS DEFAULT",
            "CREATE FULLTEXT INDEX ON dbo.documents (body) KEY INDEX pk_documents",
            "ALTER FULLTEXT INDEX ON dbo.documents START FULL POPULATION",
            "DROP FULLTEXT CATALOG ft_catalog",
            "DBCC SHRINKFILE (shop_log, 1)",
            "EXEC sp_fulltext_database 'enable'",
            // In the middle of a batch, after other statements and a comment.
            "PRINT 'tuning';\n-- snapshot isolation for readers\nALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON;"
    })
    void statementsSqlServerRefusesInATransactionRunOutsideOne(String batch) {
        assertThat(dialect.cannotRunInTransaction(batch)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE accounts (id INT NOT NULL PRIMARY KEY)",
            "CREATE INDEX accounts_owner ON accounts (owner) WITH (ONLINE = ON)",
            "ALTER TABLE accounts ADD iban NVARCHAR(34) NULL",
            "CREATE PROCEDURE dbo.close_account @id INT AS BEGIN UPDATE accounts SET closed = 1 WHERE id = @id END",
            "PRINT 'ALTER DATABASE is done by the DBA'",
            "-- BACKUP first\nCREATE TABLE audit_log (id INT)",
            "/* RESTORE DATABASE x */ INSERT INTO audit_log (id) VALUES (1)",
            "SELECT [backup], [database] FROM dbo.jobs",
            "DBCC CHECKIDENT ('accounts', RESEED, 100)",
            "CREATE TABLE database_sizes (database_name SYSNAME)"
    })
    void ordinaryStatementsAndKeywordsInStringsOrCommentsStayInTheTransaction(String batch) {
        assertThat(dialect.cannotRunInTransaction(batch)).isFalse();
    }

    @Test
    void aScriptWhoseSecondGoBatchAltersTheDatabaseHasThatBatchRunOutsideATransaction() {
        String script = """
                CREATE TABLE accounts (id INT NOT NULL PRIMARY KEY);
                GO
                ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON;
                GO
                """;

        List<ScriptStatement> batches = SqlSplitter.split(script, dialect.syntax(), "V3__Snapshot_isolation.sql");

        assertThat(batches).extracting(b -> dialect.cannotRunInTransaction(b.text())).containsExactly(false, true);
    }

    @Test
    void ddlIsTransactionalSoNothingCommitsImplicitly() {
        assertThat(dialect.transactionalDdl()).isTrue();
        assertThat(dialect.commitsImplicitly("CREATE TABLE t (id INT)")).isFalse();
    }

    @Test
    void identifiersAreBracketedWithClosingBracketsDoubled() {
        assertThat(dialect.quote("migrator_history")).isEqualTo("[migrator_history]");
        assertThat(dialect.quote("odd]name")).isEqualTo("[odd]]name]");
        assertThat(dialect.qualify("app", "migrator_history")).isEqualTo("[app].[migrator_history]");
    }

    @Test
    void historyColumnsAreUnicodeStringsDatetime2AndBigint() {
        assertThat(dialect.varchar(200)).isEqualTo("NVARCHAR(200)");
        assertThat(dialect.varchar(4000)).isEqualTo("NVARCHAR(4000)");
        assertThat(dialect.varchar(4001)).isEqualTo("NVARCHAR(MAX)");
        assertThat(dialect.timestamp()).isEqualTo("DATETIME2(3)");
        assertThat(dialect.integer()).isEqualTo("INT");
        assertThat(dialect.bigint()).isEqualTo("BIGINT");
    }

    @Test
    void lockIsASessionOwnedAppLockTakenWithoutWaiting() {
        assertThat(SqlServerAppLock.TRY_LOCK).isEqualTo("{? = call sp_getapplock(?, ?, ?, ?)}");
        assertThat(SqlServerAppLock.UNLOCK).isEqualTo("{? = call sp_releaseapplock(?, ?)}");
        assertThat(SqlServerAppLock.acquired(0)).isTrue();
        assertThat(SqlServerAppLock.acquired(1)).isTrue();
        assertThat(List.of(-1, -2, -3, -999)).noneMatch(SqlServerAppLock::acquired);
    }

    @Test
    void lockResourceIsStableAndShortEnoughForSpGetapplock() {
        String resource = SqlServerAppLock.resource("dbo.migrator_history");

        assertThat(resource).isEqualTo(SqlServerAppLock.resource("dbo.migrator_history"))
                .isNotEqualTo(SqlServerAppLock.resource("app.migrator_history"))
                .startsWith("migrator:").hasSizeLessThanOrEqualTo(255);
        assertThat(SqlServerAppLock.resource("x".repeat(1000))).hasSizeLessThanOrEqualTo(255);
    }

    @Test
    void duplicateKeysAndExistingObjectsAreLostRacesButOtherErrorsAreNot() {
        assertThat(dialect.isDuplicate(new SQLException("Violation of PRIMARY KEY constraint", "23000", 2627))).isTrue();
        assertThat(dialect.isDuplicate(new SQLException("Cannot insert duplicate key row", "23000", 2601))).isTrue();
        assertThat(dialect.isDuplicate(new SQLException("There is already an object named 'migrator_lock'", "S0001",
                2714))).isTrue();
        assertThat(dialect.isDuplicate(new SQLException("Invalid object name 'migrator_lock'", "S0002", 208))).isFalse();
        assertThat(dialect.isDuplicate(new SQLException("Incorrect syntax near 'x'", "S0001", 102))).isFalse();
    }

    @Test
    void reviewableScriptsEndEachStatementWithAGoLine() {
        assertThat(dialect.statementTerminator()).isEqualTo("\nGO");
        assertThat(dialect.syntax()).isEqualTo(SqlSyntax.SQLSERVER);
    }

    @Test
    void detectedFromTheProductNameTheDriverReports() {
        assertThat(JdbcSession.Dialects.pick("Microsoft SQL Server", null)).isInstanceOf(SqlServerDialect.class);
        assertThat(JdbcSession.Dialects.pick("H2", "sqlserver")).isInstanceOf(SqlServerDialect.class);
        assertThat(dialect.handles("H2")).isFalse();
    }

    @Test
    void anUnsupportedDatabaseIsRefusedNamingTheSupportedOnes() {
        assertThatThrownBy(() -> JdbcSession.Dialects.pick("DB2/LINUXX8664", null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unsupported database 'DB2/LINUXX8664'")
                .hasMessageContaining("SQL Server and Oracle")
                .hasMessageContaining("sqlserver").hasMessageContaining("oracle");
    }
}
