package dev.migrator.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.ScriptStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterH2Test {

    private static List<ScriptStatement> split(String script) {
        return SqlSplitter.split(script, SqlSyntax.H2, "V4__h2.sql");
    }

    private static ScriptStatement stmt(String text, int line) {
        return new ScriptStatement(text, line);
    }

    @Test
    void doubleSlashCommentHoldingSemicolonDoesNotSplit() {
        String script = """
                // create; schema
                CREATE TABLE t (id INT, name VARCHAR(20)); // trailing; comment
                INSERT INTO t VALUES (1, 'a//b;c') // inline;
                ;
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE t (id INT, name VARCHAR(20))", 2),
                stmt("INSERT INTO t VALUES (1, 'a//b;c')", 3));
    }

    @Test
    void doubleDollarAliasBodyIsOneStatement() {
        String script = """
                CREATE ALIAS IF NOT EXISTS REVERSE_TEXT AS $$
                String reverse(String s) {
                    if (s == null) { return null; }
                    return new StringBuilder(s).reverse().toString();
                }
                $$;
                SELECT REVERSE_TEXT('abc;');
                """;

        assertThat(split(script)).containsExactly(
                stmt("""
                        CREATE ALIAS IF NOT EXISTS REVERSE_TEXT AS $$
                        String reverse(String s) {
                            if (s == null) { return null; }
                            return new StringBuilder(s).reverse().toString();
                        }
                        $$""", 1),
                stmt("SELECT REVERSE_TEXT('abc;')", 7));
    }

    @Test
    void quotedIdentifiersAndBlockCommentsHoldingSemicolonsDoNotSplit() {
        String script = """
                CREATE TABLE "odd;table" ("a""b;" INT /* note; */);
                /* nested in H2 (checked against H2 2.3): /* inner; */ still a comment; */ DROP TABLE "odd;table";
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE \"odd;table\" (\"a\"\"b;\" INT /* note; */)", 1),
                stmt("DROP TABLE \"odd;table\"", 2));
    }

    @Test
    void blockCommentsNest_asInH2_soASemicolonInsideStaysInTheStatement() {
        assertThat(split("SELECT 1 /* a /* b */ ; SELECT 2 */;\nSELECT 3;")).containsExactly(
                stmt("SELECT 1", 1),
                stmt("SELECT 3", 2));
    }

    @Test
    void unterminatedDoubleDollarBodyIsReportedAtItsLine() {
        String script = "SELECT 1;\nCREATE ALIAS F AS $$\nint f() { return 1; }\n";

        assertThatThrownBy(() -> split(script))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("V4__h2.sql line 2: the dollar quote $$ is never closed; close it with $$"
                        + " before the end of the script");
    }
}
