package dev.migrator.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.ScriptStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterSqlServerTest {

    private static List<ScriptStatement> split(String script) {
        return SqlSplitter.split(script, SqlSyntax.SQLSERVER, "V5__mssql.sql");
    }

    private static ScriptStatement stmt(String text, int line) {
        return new ScriptStatement(text, line);
    }

    @Test
    void procedureAndTriggerSeparatedByGoAreWholeBatches() {
        String script = """
                CREATE TABLE dbo.Orders (Id INT PRIMARY KEY, Total DECIMAL(10, 2) NOT NULL);
                GO
                CREATE PROCEDURE dbo.GetOrder @Id INT
                AS
                BEGIN
                    SET NOCOUNT ON;
                    SELECT Id, Total FROM dbo.Orders WHERE Id = @Id;
                END;
                GO
                CREATE TRIGGER dbo.Orders_NoNegative ON dbo.Orders AFTER INSERT, UPDATE
                AS
                BEGIN
                    IF EXISTS (SELECT 1 FROM inserted WHERE Total < 0)
                    BEGIN
                        RAISERROR ('Total must not be negative; fix the row', 16, 1);
                        ROLLBACK TRANSACTION;
                    END
                END
                GO
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE dbo.Orders (Id INT PRIMARY KEY, Total DECIMAL(10, 2) NOT NULL)", 1),
                stmt("""
                        CREATE PROCEDURE dbo.GetOrder @Id INT
                        AS
                        BEGIN
                            SET NOCOUNT ON;
                            SELECT Id, Total FROM dbo.Orders WHERE Id = @Id;
                        END""", 3),
                stmt("""
                        CREATE TRIGGER dbo.Orders_NoNegative ON dbo.Orders AFTER INSERT, UPDATE
                        AS
                        BEGIN
                            IF EXISTS (SELECT 1 FROM inserted WHERE Total < 0)
                            BEGIN
                                RAISERROR ('Total must not be negative; fix the row', 16, 1);
                                ROLLBACK TRANSACTION;
                            END
                        END""", 10));
    }

    @Test
    void goWithRepeatCountEmitsTheBatchThatManyTimes() {
        String script = """
                INSERT INTO dbo.Log (Msg) VALUES (N'tick');
                GO 3
                SELECT COUNT(*) FROM dbo.Log
                """;

        assertThat(split(script)).containsExactly(
                stmt("INSERT INTO dbo.Log (Msg) VALUES (N'tick')", 1),
                stmt("INSERT INTO dbo.Log (Msg) VALUES (N'tick')", 1),
                stmt("INSERT INTO dbo.Log (Msg) VALUES (N'tick')", 1),
                stmt("SELECT COUNT(*) FROM dbo.Log", 3));
    }

    @Test
    void goIsCaseInsensitiveAndMayBeIndented() {
        String script = "CREATE SCHEMA sales\n  go  \nCREATE TABLE sales.Region (Id INT)\n\tGo\nSELECT 1\n";

        assertThat(split(script)).containsExactly(
                stmt("CREATE SCHEMA sales", 1),
                stmt("CREATE TABLE sales.Region (Id INT)", 3),
                stmt("SELECT 1", 5));
    }

    @Test
    void goFollowedByLineCommentIsASeparator() {
        String script = """
                CREATE TABLE dbo.A (Id INT)
                GO -- end of batch 1; tables
                INSERT INTO dbo.A VALUES (1)
                GO 2 -- twice
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE dbo.A (Id INT)", 1),
                stmt("INSERT INTO dbo.A VALUES (1)", 3),
                stmt("INSERT INTO dbo.A VALUES (1)", 3));
    }

    @Test
    void goInsideStringSpanningLinesIsNotASeparator() {
        String script = """
                INSERT INTO dbo.Notes (Body) VALUES ('first line
                GO
                last line');
                GO
                SELECT Body FROM dbo.Notes
                """;

        assertThat(split(script)).containsExactly(
                stmt("INSERT INTO dbo.Notes (Body) VALUES ('first line\nGO\nlast line')", 1),
                stmt("SELECT Body FROM dbo.Notes", 5));
    }

    @Test
    void goInsideNestedBlockCommentIsNotASeparator() {
        String script = """
                /* disabled:
                GO
                /* nested
                GO
                */
                GO
                */
                SELECT 1;
                GO
                """;

        assertThat(split(script)).containsExactly(stmt("SELECT 1", 8));
    }

    @Test
    void gotoAndGoInsideALineAreNotSeparators() {
        String script = """
                BEGIN
                    GOTO done
                    SELECT 1 GO
                done:
                    PRINT 'done'
                END
                GO
                """;

        assertThat(split(script)).containsExactly(stmt("""
                BEGIN
                    GOTO done
                    SELECT 1 GO
                done:
                    PRINT 'done'
                END""", 1));
    }

    @Test
    void bracketedIdentifierWithEscapedBracketAndSemicolonStaysInItsBatch() {
        String script = """
                CREATE TABLE [dbo].[odd]]name;x] ([a;b] INT, [GO] INT);
                GO
                SELECT [a;b], [GO] FROM [dbo].[odd]]name;x];
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE [dbo].[odd]]name;x] ([a;b] INT, [GO] INT)", 1),
                stmt("SELECT [a;b], [GO] FROM [dbo].[odd]]name;x]", 3));
    }

    @Test
    void unicodeStringLiteralWithEscapedQuoteIsKeptWhole() {
        String script = "INSERT INTO dbo.T (Name) VALUES (N'It''s; ünïcode -- not a comment');\nGO\n";

        assertThat(split(script)).containsExactly(
                stmt("INSERT INTO dbo.T (Name) VALUES (N'It''s; ünïcode -- not a comment')", 1));
    }

    @Test
    void scriptWithoutGoIsOneBatchKeepingInnerSemicolons() {
        String script = """
                -- schema
                CREATE TABLE a (id INT);
                CREATE TABLE b (id INT);
                INSERT INTO a VALUES (1);
                """;

        assertThat(split(script)).containsExactly(stmt("""
                CREATE TABLE a (id INT);
                CREATE TABLE b (id INT);
                INSERT INTO a VALUES (1)""", 2));
    }

    @Test
    void emptyBatchesBetweenGoLinesAreDropped() {
        String script = "GO\nSELECT 1\nGO\n\nGO\n;\nGO\n-- only a comment\nGO\n";

        assertThat(split(script)).containsExactly(stmt("SELECT 1", 2));
    }

    @Test
    void goWithZeroRepeatCountIsRejected() {
        String script = "SELECT 1\nGO 0\n";

        assertThatThrownBy(() -> split(script))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("V5__mssql.sql line 2: GO 0 is not a valid repeat count; use a count from 1 to 10000,"
                        + " or plain GO to run the batch once");
    }

    @Test
    void aHugeGoCount_isRefusedNamingFileAndLine_insteadOfRunningOutOfMemory() {
        String script = "INSERT INTO t VALUES (1)\nGO 999999999\n";

        assertThatThrownBy(() -> split(script))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("V5__mssql.sql line 2: GO 999999999 repeats the batch more than 10000 times");
    }

    @Test
    void unterminatedBracketedIdentifierIsReportedAtItsLine() {
        String script = "SELECT 1\nGO\nSELECT [odd]]name FROM t\nGO\n";

        assertThatThrownBy(() -> split(script))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("V5__mssql.sql line 3: the bracketed identifier [odd]]name FROM t is never closed;"
                        + " close it with ]");
    }
}
