package dev.migrator.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.api.spi.ScriptStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqlSplitterCommonTest {

    private static ScriptStatement stmt(String text, int line) {
        return new ScriptStatement(text, line);
    }

    @ParameterizedTest
    @EnumSource(SqlSyntax.class)
    void emptyAndCommentOnlyScriptsHaveNoStatements(SqlSyntax syntax) {
        assertThat(SqlSplitter.split("", syntax, "empty.sql")).isEmpty();
        assertThat(SqlSplitter.split("\uFEFF \r\n\t\n", syntax, "blank.sql")).isEmpty();
        assertThat(SqlSplitter.split("-- nothing; here\n/* nor; here */\n", syntax, "comments.sql")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = SqlSyntax.class, names = "SQLSERVER", mode = EnumSource.Mode.EXCLUDE)
    void finalStatementWithoutTerminatorIsReturned(SqlSyntax syntax) {
        List<ScriptStatement> statements = SqlSplitter.split("SELECT 1;\n\nSELECT 2\n  FROM t  \n", syntax, "x.sql");

        assertThat(statements).containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2\n  FROM t", 3));
    }

    @ParameterizedTest
    @EnumSource(value = SqlSyntax.class, names = "SQLSERVER", mode = EnumSource.Mode.EXCLUDE)
    void emptyStatementsBetweenTerminatorsAreDropped(SqlSyntax syntax) {
        List<ScriptStatement> statements = SqlSplitter.split(";;\nSELECT 1;;  ;\n;SELECT 2;", syntax, "x.sql");

        assertThat(statements).containsExactly(stmt("SELECT 1", 2), stmt("SELECT 2", 3));
    }

    @ParameterizedTest
    @EnumSource(SqlSyntax.class)
    void commentsAfterTheLastTokenAreNotPartOfTheStatement(SqlSyntax syntax) {
        List<ScriptStatement> statements = SqlSplitter.split("SELECT 1 /* why */ + 1 -- trailing\n/* end */\n", syntax,
                "x.sql");

        assertThat(statements).containsExactly(stmt("SELECT 1 /* why */ + 1", 1));
    }

    @ParameterizedTest
    @EnumSource(value = SqlSyntax.class, names = "SQLSERVER", mode = EnumSource.Mode.EXCLUDE)
    void carriageReturnOnlyLineBreaksCountAsLines(SqlSyntax syntax) {
        String script = "-- old mac\rSELECT 1;\r\rSELECT\r2;\r";

        assertThat(SqlSplitter.split(script, syntax, "cr.sql"))
                .containsExactly(stmt("SELECT 1", 2), stmt("SELECT\r2", 4));
    }

    @Test
    void sqlServerGoLinesWorkWithCarriageReturnAndCrlfBreaks() {
        String script = "\uFEFFSELECT 1\r\nGO\r\n\r\nSELECT 2\rGO\rSELECT 3";

        assertThat(SqlSplitter.split(script, SqlSyntax.SQLSERVER, "cr.sql"))
                .containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2", 4), stmt("SELECT 3", 6));
    }

    @ParameterizedTest
    @EnumSource(SqlSyntax.class)
    void fiveMegabyteScriptSplitsIntoAllItsStatements(SqlSyntax syntax) {
        String block = switch (syntax) {
            case POSTGRESQL -> "INSERT INTO t VALUES (1, 'a;b', E'c\\'d'); -- note; x\n/* c; */ SELECT $$x;y$$;\n";
            case MYSQL -> "INSERT INTO `t;` VALUES ('a\\';b', \"c;\"); # note;\n/*!40101 SET x=1 */;\n";
            case H2 -> "INSERT INTO t VALUES ('a;b'); // note;\nCREATE ALIAS A AS $$ x; $$;\n";
            case SQLSERVER -> "INSERT INTO [t;] VALUES (N'a;b') -- c\nGO\n";
            case ORACLE -> "INSERT INTO t VALUES (q'[a;b]');\nBEGIN\n  NULL;\nEND;\n/\n";
        };
        int perBlock = syntax == SqlSyntax.SQLSERVER ? 1 : 2;
        int linesPerBlock = (int) block.chars().filter(c -> c == '\n').count();
        int blocks = 5_000_000 / block.length() + 1;
        String script = block.repeat(blocks);

        List<ScriptStatement> statements = SqlSplitter.split(script, syntax, "big.sql");

        assertThat(statements).hasSize(blocks * perBlock);
        int lastBlockLine = (blocks - 1) * linesPerBlock + 1;
        assertThat(statements.get(0).line()).isEqualTo(1);
        assertThat(statements.get(statements.size() - perBlock).line()).isEqualTo(lastBlockLine);
    }

    @Test
    void fiveMegabyteDollarQuotedBodyIsOneStatement() {
        String body = "PERFORM 1; /* not a comment here */ -- nor this\n".repeat(110_000);
        String script = "CREATE FUNCTION big() RETURNS void LANGUAGE plpgsql AS $big$\n" + body + "$big$;\nSELECT 1;";

        List<ScriptStatement> statements = SqlSplitter.split(script, SqlSyntax.POSTGRESQL, "big.sql");

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).text()).hasSize(script.indexOf("$big$;") + 5);
        assertThat(statements.get(1)).isEqualTo(stmt("SELECT 1", 110_003));
    }
}
