package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.ScriptStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token-based classifier behind cannotRunInTransaction and commitsImplicitly, and the script directive. */
class StatementClassificationTest {
    private final PostgresDialect pg11 = new PostgresDialect(11);
    private final PostgresDialect pg15 = new PostgresDialect(15);

    @Test
    void theFirstWordsRead_areTheFirstOfAllTheWords_soClassifyingStopsEarlyWithoutChangingAnAnswer() {
        List<String> statements = List.of("INSERT INTO t VALUES ('VACUUM', 1)", "/* x */ CREATE -- y\n INDEX c ON t (a)",
                "/*!40101 SET NAMES utf8 */", "/*!40101 SET */ CREATE TABLE t (a INT)", "", "-- only a comment",
                "ALTER TABLE t DETACH PARTITION p CONCURRENTLY", "create unique index concurrently i on t (a)");
        for (SqlSyntax syntax : SqlSyntax.values()) {
            for (String s : statements) {
                for (int n = 1; n <= 5; n++) {
                    assertThat(SqlWords.head(s, syntax, n).all()).as("%s %s %d", syntax, s, n)
                            .isEqualTo(SqlWords.of(s, syntax).first(n));
                }
            }
        }
        assertThat(pg15.cannotRunInTransaction("alter table t detach partition p concurrently")).isTrue();
        assertThat(pg15.cannotRunInTransaction("ALTER TABLE t ADD COLUMN c INT -- not concurrently")).isFalse();
        assertThat(pg15.cannotRunInTransaction("ALTER TABLE t ADD COLUMN concurrently INT")).isFalse();
        assertThat(pg15.cannotRunInTransaction("INSERT INTO t VALUES ('VACUUM')")).isFalse();
        assertThat(pg15.cannotRunInTransaction("CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)")).isTrue();
        assertThat(pg15.cannotRunInTransaction("CREATE DATABASE d")).isTrue();
        assertThat(pg15.cannotRunInTransaction("REINDEX TABLE CONCURRENTLY t")).isTrue();
        assertThat(pg15.cannotRunInTransaction("ALTER SYSTEM SET work_mem = '8MB'")).isTrue();
    }

    @Test
    void aCommentInsideTheKeywords_doesNotHideConcurrently() {
        assertThat(pg15.cannotRunInTransaction("CREATE INDEX /* online */ CONCURRENTLY i ON t (c)")).isTrue();
        assertThat(pg15.cannotRunInTransaction("CREATE UNIQUE -- x\n INDEX CONCURRENTLY i ON t (c)")).isTrue();
        assertThat(pg15.cannotRunInTransaction("DROP INDEX /**/ CONCURRENTLY i")).isTrue();
        assertThat(pg15.cannotRunInTransaction("REINDEX TABLE CONCURRENTLY t")).isTrue();
        assertThat(pg15.cannotRunInTransaction("ALTER TABLE t DETACH PARTITION p CONCURRENTLY")).isTrue();
        assertThat(pg15.cannotRunInTransaction("VACUUM t")).isTrue();
        assertThat(pg15.cannotRunInTransaction("CREATE DATABASE d")).isTrue();
    }

    @Test
    void keywordsInsideStringsOrComments_doNotCount() {
        assertThat(pg15.cannotRunInTransaction("INSERT INTO t VALUES ('CREATE INDEX CONCURRENTLY')")).isFalse();
        assertThat(pg15.cannotRunInTransaction("CREATE INDEX i ON t (c) -- CONCURRENTLY later")).isFalse();
        assertThat(pg15.cannotRunInTransaction("CREATE TABLE concurrently (a int)")).isFalse();
    }

    @Test
    void alterTypeAddValue_runsInTheTransactionFrom12_unlessALaterStatementUsesTheValue() {
        List<ScriptStatement> alone = List.of(new ScriptStatement("ALTER TYPE mood ADD VALUE 'meh'", 1),
                new ScriptStatement("CREATE TABLE t (m mood)", 2));
        List<ScriptStatement> used = List.of(new ScriptStatement("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh'", 1),
                new ScriptStatement("INSERT INTO t VALUES ('meh')", 2));

        assertThat(pg11.cannotRunInTransaction(alone, 0)).isTrue();
        assertThat(pg15.cannotRunInTransaction(alone, 0)).isFalse();
        assertThat(pg15.cannotRunInTransaction(used, 0)).isTrue();
        assertThat(new PostgresDialect().cannotRunInTransaction(alone, 0)).as("unknown version").isTrue();
    }

    @Test
    void ddlCommitsImplicitly_readByWords_includingMySqlExecutableComments() {
        MySqlDialect mysql = new MySqlDialect();
        assertThat(mysql.commitsImplicitly("/* why */ CREATE TABLE t (a INT)")).isTrue();
        assertThat(mysql.commitsImplicitly("/*!50003 CREATE*/ /*!50003 TRIGGER x BEFORE INSERT ON t FOR EACH ROW SET @a = 1 */"))
                .isTrue();
        assertThat(mysql.commitsImplicitly("INSERT INTO t VALUES ('DROP TABLE t')")).isFalse();
        assertThat(new PostgresDialect().commitsImplicitly("CREATE TABLE t (a int)")).isFalse();
    }

    @Test
    void firstWords_skipCommentsAndQuotes_forRuleWriters() {
        assertThat(SqlWords.of("/* a */ ALTER -- b\n TABLE \"x\" ADD COLUMN c int", SqlSyntax.POSTGRESQL).first(4))
                .containsExactly("ALTER", "TABLE", "ADD", "COLUMN");
    }

    @Test
    void theDirective_isReadOnAnyLine_andAWrongValueIsNamedWithItsLine() {
        assertThat(ScriptDirectives.transaction("V1__x.sql", "SELECT 1;\n  -- migrator:transaction = FALSE \n"))
                .isFalse();
        assertThat(ScriptDirectives.transaction("V1__x.sql", "--migrator:transaction=true\r\nSELECT 1;")).isTrue();
        assertThat(ScriptDirectives.transaction("V1__x.sql", "SELECT '10:00:00';\n-- MIGRATOR:Transaction=false"))
                .isFalse();
        assertThat(ScriptDirectives.transaction("V1__x.sql", ":migrator:transaction\nSELECT 'a:b', 1::int;"))
                .isNull();
        assertThat(ScriptDirectives.mentions("x::y -- Migrator:TRANSACTION", "migrator:transaction")).isTrue();
        assertThat(ScriptDirectives.mentions("ator:transaction migrator;transaction", "migrator:transaction")).isFalse();
        assertThat(Directives.parse("V1__x.sql", "SELECT '10:00';\n-- migrator:lock-timeout=5s\n")
                .lockTimeout()).hasSeconds(5);
        assertThat(Directives.parse("V1__x.sql", "SELECT '10:00';\n").lockTimeout()).isNull();
        assertThat(Directives.parse("V1__x.sql", "-- MIGRATOR:Lock-Timeout = 30s\r-- migrator:statement-timeout"
                + "=10m\rSELECT 1;").lockTimeout()).hasSeconds(30);
        assertThat(Directives.parse("V1__x.sql", "SELECT 1;\r-- migrator:statement-timeout=10m\r")
                .statementTimeout()).hasMinutes(10);
        assertThat(Directives.parse("V1__x.sql", "-- migrator: generated, do not edit\n-- migrator:owner team-a\n"
                + "-- migrator:transaction=false\n-- migrator:allow PG-DROP-COLUMN gone\n").lockTimeout()).isNull();
        assertThatThrownBy(() -> Directives.parse("V1__x.sql", "SELECT 1;\r\n-- migrator:lock_timeout=10s"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("V1__x.sql line 2: -- migrator:lock_timeout is not a directive migrator knows");
        assertThatThrownBy(() -> Directives.parse("V1__x.sql", "-- migrator:transactions=false"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("migrator:transactions is not");
        assertThatThrownBy(() -> Directives.parse("V1__x.sql", "-- migrator:lock-timeout\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("V1__x.sql line 1: -- migrator:lock-timeout needs a value: write "
                        + "-- migrator:lock-timeout=30s (ms, s, m or h), or =none");
        Directives all = Directives.parse("V1__x.sql", "-- migrator:transaction=false\n-- migrator:lock-timeout=1s\n"
                + "-- migrator:statement-timeout=none\n-- migrator:transaction=true\n");
        assertThat(all.transaction()).as("the first transaction directive counts").isFalse();
        assertThat(all.lockTimeout()).hasSeconds(1);
        assertThat(all.statementTimeout()).isSameAs(Directives.NONE);
        assertThatThrownBy(() -> Directives.parse("V1__x.sql", "-- migrator:transaction=false\n-- migrator:transaction"))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("V1__x.sql line 2: '-- migrator:"
                        + "transaction' must read -- migrator:transaction=true or -- migrator:transaction=false");
        assertThat(Directives.edits("alow", "allow")).isEqualTo(1);
        assertThat(Directives.edits("owner", "allow")).isEqualTo(5);
        assertThat(ScriptDirectives.transaction("V1__x.sql", "SELECT '-- migrator:transaction=false';")).isNull();
        assertThatThrownBy(() -> ScriptDirectives.transaction("V1__x.sql", "\n\n-- migrator:transaction=maybe"))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("V1__x.sql line 3:");
    }

    @Test
    @Timeout(5)
    void theDirective_onAHundredKibOfBlankLines_isQuick() {
        String blanks = " \n".repeat(100 * 1024) + "-- migrator:transaction=false\n";
        for (int i = 0; i < 20; i++) {
            assertThat(ScriptDirectives.transaction("V1__x.sql", blanks)).isFalse();
            assertThat(ScriptDirectives.transaction("V1__x.sql", " \n".repeat(100 * 1024) + "x")).isNull();
        }
    }
}
