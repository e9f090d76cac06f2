package dev.migrator.jdbc.internal.lint;

import dev.migrator.jdbc.internal.SqlSyntax;
import dev.migrator.jdbc.internal.lint.LintTokens.Kind;
import dev.migrator.jdbc.internal.lint.LintTokens.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LintTokensTest {

    private static List<String> words(String sql, boolean mysql) {
        return LintTokens.of(sql, mysql ? SqlSyntax.MYSQL : SqlSyntax.POSTGRESQL).stream()
                .filter(t -> t.kind() == Kind.WORD).map(Token::text).toList();
    }

    @Test
    void words_areUpperCasedAndCommentsDropped() {
        assertThat(words("create /* not INDEX */ index -- CONCURRENTLY\n i on t (a)", false))
                .containsExactly("CREATE", "INDEX", "I", "ON", "T", "A");
    }

    @Test
    void wordsInsideStringsAndDollarQuotes_areNotWords() {
        assertThat(words("select 'drop table x', $$ lock table y $$, $f$ vacuum full $f$, E'it\\'s where'", false))
                .containsExactly("SELECT");
    }

    @Test
    void quotedIdentifiers_keepTheirCaseAndLoseTheirQuotes() {
        List<Token> tokens = LintTokens.of("alter table \"Order\"\"s\" add `col`", SqlSyntax.MYSQL);
        assertThat(tokens.get(2)).isEqualTo(new Token(Kind.IDENT, "Order\"s", 0));
        assertThat(tokens.get(4)).isEqualTo(new Token(Kind.IDENT, "col", 0));
        assertThat(tokens.get(2).name()).isEqualTo("Order\"s");
        assertThat(tokens.get(0).name()).isEqualTo("alter");
    }

    @Test
    void hashStartsACommentOnlyForMySql() {
        assertThat(words("update t set a = 1 # where b = 2", true)).containsExactly("UPDATE", "T", "SET", "A");
        assertThat(words("select a # b from t", false)).containsExactly("SELECT", "A", "B", "FROM", "T");
    }

    @Test
    void depthCountsEnclosingParentheses() {
        List<Token> tokens = LintTokens.of("create table t (a int check (a > 0)) where", SqlSyntax.POSTGRESQL);
        assertThat(tokens).filteredOn(t -> t.is("CHECK")).extracting(Token::depth).containsExactly(1);
        assertThat(tokens).filteredOn(t -> t.text().equals("0")).extracting(Token::depth).containsExactly(2);
        assertThat(tokens).filteredOn(t -> t.is("WHERE")).extracting(Token::depth).containsExactly(0);
    }

    @Test
    void nestedBlockComments_endAtTheOuterClose() {
        assertThat(words("drop /* a /* b */ still comment */ table t", false)).containsExactly("DROP", "TABLE", "T");
    }

    @Test
    void unclosedInput_doesNotThrow() {
        assertThat(words("select 'abc", false)).containsExactly("SELECT");
        assertThat(words("select $$abc", false)).containsExactly("SELECT");
        assertThat(words("select /* abc", false)).containsExactly("SELECT");
    }

    @Test
    void eachSyntaxIsReadAsItsSplitterReadsIt() {
        List<Token> brackets = LintTokens.of("alter table [dbo].[Order Lines] add c int", SqlSyntax.SQLSERVER);
        assertThat(brackets.get(2)).isEqualTo(new Token(Kind.IDENT, "dbo", 0));
        assertThat(brackets.get(4)).isEqualTo(new Token(Kind.IDENT, "Order Lines", 0));
        assertThat(LintTokens.of("drop table t // a comment in H2", SqlSyntax.H2))
                .extracting(Token::text).containsExactly("DROP", "TABLE", "T");
        // MySQL takes "--" as a comment only before a space, as its splitter does: "--x" is two minus signs.
        assertThat(words("update t set a = 5--1", true)).containsExactly("UPDATE", "T", "SET", "A");
        assertThat(LintTokens.of("update t set a = 5--1", SqlSyntax.MYSQL)).extracting(Token::text)
                .endsWith("5", "-", "-", "1");
    }

    @Test
    void aMySqlExecutableComment_isLeftOut_andNotCountedInALimit() {
        assertThat(LintTokens.of("create table /*!32312 IF NOT EXISTS*/ t (a int)", SqlSyntax.MYSQL, 3))
                .extracting(Token::text).containsExactly("CREATE", "TABLE", "T");
    }

    @Test
    void prefixedStringsAndDecimalNumbers_areOneToken() {
        assertThat(LintTokens.of("insert into t values (N'x', X'0F', 12.50)", SqlSyntax.MYSQL))
                .filteredOn(t -> t.kind() != Kind.SYMBOL).extracting(Token::kind, Token::text).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.WORD, "INSERT"),
                        org.assertj.core.groups.Tuple.tuple(Kind.WORD, "INTO"),
                        org.assertj.core.groups.Tuple.tuple(Kind.WORD, "T"),
                        org.assertj.core.groups.Tuple.tuple(Kind.WORD, "VALUES"),
                        org.assertj.core.groups.Tuple.tuple(Kind.STRING, "N'x'"),
                        org.assertj.core.groups.Tuple.tuple(Kind.STRING, "X'0F'"),
                        org.assertj.core.groups.Tuple.tuple(Kind.NUMBER, "12.50"));
    }

    @Test
    void anyText_inAnySyntax_isReadWithoutAnException() {
        // The linter also reads statements that another splitter cut (T-SQL batches), so it must not trip on text its
        // lexer would not have accepted: unclosed quotes and comments become one last token.
        String alphabet = "ab1 _$#@'\"`[]()-/*;.N'Xq'E'\\\n\t\u00e9";
        java.util.Random random = new java.util.Random(20261206);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (SqlSyntax syntax : SqlSyntax.values()) {
                List<Token> tokens = LintTokens.of(text.toString(), syntax);
                assertThat(tokens).allSatisfy(t -> assertThat(t.text()).isNotNull());
            }
        }
    }
}
