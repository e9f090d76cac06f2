package dev.migrator.jdbc.internal.lint;

import dev.migrator.jdbc.internal.lint.LintTokens.Kind;
import dev.migrator.jdbc.internal.lint.LintTokens.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LintTokensTest {

    private static List<String> words(String sql, boolean mysql) {
        return LintTokens.of(sql, mysql).stream().filter(t -> t.kind() == Kind.WORD).map(Token::text).toList();
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
        List<Token> tokens = LintTokens.of("alter table \"Order\"\"s\" add `col`", true);
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
        List<Token> tokens = LintTokens.of("create table t (a int check (a > 0)) where", false);
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
}
