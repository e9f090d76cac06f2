package dev.migrator.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.ScriptStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterPostgresTest {

    private static List<ScriptStatement> split(String script) {
        return SqlSplitter.split(script, SqlSyntax.POSTGRESQL, "V1__test.sql");
    }

    private static ScriptStatement stmt(String text, int line) {
        return new ScriptStatement(text, line);
    }

    @Test
    void dollarQuotedBodyWithTagHoldingSemicolonsAndDoubleDollarsIsOneStatement() {
        String script = """
                CREATE TABLE account (id bigint PRIMARY KEY, balance numeric NOT NULL);

                CREATE OR REPLACE FUNCTION transfer(src bigint, dst bigint, amount numeric)
                RETURNS void LANGUAGE plpgsql AS $body$
                BEGIN
                    UPDATE account SET balance = balance - amount WHERE id = src;
                    UPDATE account SET balance = balance + amount WHERE id = dst;
                    RAISE NOTICE 'moved $$ %;', amount;
                END;
                $body$;

                SELECT transfer(1, 2, 10.00);
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE account (id bigint PRIMARY KEY, balance numeric NOT NULL)", 1),
                stmt("""
                        CREATE OR REPLACE FUNCTION transfer(src bigint, dst bigint, amount numeric)
                        RETURNS void LANGUAGE plpgsql AS $body$
                        BEGIN
                            UPDATE account SET balance = balance - amount WHERE id = src;
                            UPDATE account SET balance = balance + amount WHERE id = dst;
                            RAISE NOTICE 'moved $$ %;', amount;
                        END;
                        $body$""", 3),
                stmt("SELECT transfer(1, 2, 10.00)", 12));
    }

    @Test
    void anonymousDoBlockWithDoubleDollarsIsOneStatement() {
        String script = """
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN
                    CREATE ROLE app;
                  END IF;
                END $$;
                GRANT USAGE ON SCHEMA public TO app;
                """;

        assertThat(split(script)).containsExactly(
                stmt("""
                        DO $$
                        BEGIN
                          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN
                            CREATE ROLE app;
                          END IF;
                        END $$""", 1),
                stmt("GRANT USAGE ON SCHEMA public TO app", 7));
    }

    @Test
    void escapeStringWithBackslashQuoteDoesNotEndTheString() {
        String script = """
                INSERT INTO note (body) VALUES (E'it\\'s done; really');
                INSERT INTO note (body) VALUES (e'tab\\tthen \\\\ and \\';');
                UPDATE note SET body = U&'d\\0061t\\+000061;' WHERE body = 'plain \\';
                """;

        assertThat(split(script)).containsExactly(
                stmt("INSERT INTO note (body) VALUES (E'it\\'s done; really')", 1),
                stmt("INSERT INTO note (body) VALUES (e'tab\\tthen \\\\ and \\';')", 2),
                stmt("UPDATE note SET body = U&'d\\0061t\\+000061;' WHERE body = 'plain \\'", 3));
    }

    @Test
    void nestedBlockCommentsHoldingSemicolonsDoNotSplit() {
        String script = """
                /* migration header; author: ops
                   /* nested; still a comment */
                   end of header; */
                CREATE TABLE t (id int /* inline; /* deeper; */ back; */, name text);
                INSERT INTO t VALUES (1, 'a');
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE t (id int /* inline; /* deeper; */ back; */, name text)", 4),
                stmt("INSERT INTO t VALUES (1, 'a')", 5));
    }

    @Test
    void lineCommentHoldingSemicolonDoesNotSplit() {
        String script = """
                -- add column; backfill later
                ALTER TABLE t ADD COLUMN c int; -- trailing; comment
                UPDATE t SET c = 0 -- default; for old rows
                WHERE c IS NULL;
                """;

        assertThat(split(script)).containsExactly(
                stmt("ALTER TABLE t ADD COLUMN c int", 2),
                stmt("UPDATE t SET c = 0 -- default; for old rows\nWHERE c IS NULL", 3));
    }

    @Test
    void createIndexConcurrentlyIsItsOwnStatementAmongOthers() {
        String script = """
                CREATE TABLE orders (id bigint, customer_id bigint, created_at timestamptz);
                CREATE INDEX CONCURRENTLY idx_orders_customer ON orders (customer_id);
                CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_created
                    ON orders USING btree (created_at DESC) WHERE customer_id IS NOT NULL;
                ANALYZE orders;
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE orders (id bigint, customer_id bigint, created_at timestamptz)", 1),
                stmt("CREATE INDEX CONCURRENTLY idx_orders_customer ON orders (customer_id)", 2),
                stmt("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_created\n"
                        + "    ON orders USING btree (created_at DESC) WHERE customer_id IS NOT NULL", 3),
                stmt("ANALYZE orders", 5));
    }

    @Test
    void beginAtomicFunctionBodyWithCaseIsOneStatementWhileTransactionBeginIsNot() {
        String script = """
                BEGIN;
                CREATE FUNCTION add_and_log(a integer, b integer) RETURNS integer
                LANGUAGE SQL
                BEGIN ATOMIC
                    INSERT INTO calls (name) VALUES ('add_and_log; called');
                    SELECT CASE WHEN a IS NULL THEN 0 ELSE a END + b;
                END;
                CREATE PROCEDURE reset_calls()
                LANGUAGE SQL
                begin atomic
                  DELETE FROM calls;
                end;
                COMMIT;
                """;

        assertThat(split(script)).containsExactly(
                stmt("BEGIN", 1),
                stmt("""
                        CREATE FUNCTION add_and_log(a integer, b integer) RETURNS integer
                        LANGUAGE SQL
                        BEGIN ATOMIC
                            INSERT INTO calls (name) VALUES ('add_and_log; called');
                            SELECT CASE WHEN a IS NULL THEN 0 ELSE a END + b;
                        END""", 2),
                stmt("""
                        CREATE PROCEDURE reset_calls()
                        LANGUAGE SQL
                        begin atomic
                          DELETE FROM calls;
                        end""", 8),
                stmt("COMMIT", 13));
    }

    @Test
    void positionalParameterIsNotADollarQuote() {
        String script = """
                PREPARE find_user (bigint, text) AS
                    SELECT * FROM users WHERE id = $1 AND name = $2;
                EXECUTE find_user(1, 'x');
                CREATE FUNCTION inc(int) RETURNS int LANGUAGE sql AS 'SELECT $1 + 1';
                """;

        assertThat(split(script)).containsExactly(
                stmt("PREPARE find_user (bigint, text) AS\n    SELECT * FROM users WHERE id = $1 AND name = $2", 1),
                stmt("EXECUTE find_user(1, 'x')", 3),
                stmt("CREATE FUNCTION inc(int) RETURNS int LANGUAGE sql AS 'SELECT $1 + 1'", 4));
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplitARule() {
        String script = """
                CREATE RULE log_insert AS ON INSERT TO t DO ALSO (
                    INSERT INTO audit VALUES ('insert');
                    NOTIFY t_changed
                );
                SELECT 1;
                """;

        assertThat(split(script)).containsExactly(
                stmt("""
                        CREATE RULE log_insert AS ON INSERT TO t DO ALSO (
                            INSERT INTO audit VALUES ('insert');
                            NOTIFY t_changed
                        )""", 1),
                stmt("SELECT 1", 5));
    }

    @Test
    void quotedIdentifiersWithSemicolonsAndDoubledQuotesDoNotSplit() {
        String script = "CREATE TABLE \"odd;name\" (\"say \"\"hi\"\";\" text);\nDROP TABLE \"odd;name\";";

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE \"odd;name\" (\"say \"\"hi\"\";\" text)", 1),
                stmt("DROP TABLE \"odd;name\"", 2));
    }

    @Test
    void crlfLineBreaksKeepLineNumbersRight() {
        String script = "CREATE TABLE a (id int);\r\n\r\n-- seed\r\nINSERT INTO a\r\nVALUES (1);\r\nSELECT 1;\r\n";

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE a (id int)", 1),
                stmt("INSERT INTO a\r\nVALUES (1)", 4),
                stmt("SELECT 1", 6));
    }

    @Test
    void byteOrderMarkIsIgnored() {
        String script = "\uFEFFCREATE TABLE t (id int);\nDROP TABLE t;\n";

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE t (id int)", 1),
                stmt("DROP TABLE t", 2));
    }

    @Test
    void unterminatedDollarQuoteNamesScriptLineTagAndFix() {
        String script = """
                CREATE TABLE t (id int);

                CREATE FUNCTION f() RETURNS int AS $body$
                BEGIN
                  RETURN 1;
                END;
                $bod$ LANGUAGE plpgsql;
                """;

        assertThatThrownBy(() -> SqlSplitter.split(script, SqlSyntax.POSTGRESQL, "V3__add_fn.sql"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("V3__add_fn.sql line 3: the dollar quote $body$ is never closed;"
                        + " close it with $body$ before the end of the script");
    }

    @Test
    void unterminatedNestedBlockCommentExplainsThatCommentsNest() {
        String script = "SELECT 1;\n/* outer\n/* inner */\nSELECT 2;\n";

        assertThatThrownBy(() -> split(script))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("V1__test.sql line 2: the block comment /* outer is never closed; close it with */"
                        + " before the end of the script (block comments nest here, so every inner /* needs its own */)");
    }

    @Test
    void unterminatedEscapeStringIsReportedAtItsLine() {
        String script = "SELECT 1;\nSELECT E'ends with \\';\n";

        assertThatThrownBy(() -> split(script))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("V1__test.sql line 2: the escape string E'ends with \\'; is never closed;");
    }

    @Test
    void dollarQuoteTagsOfNonAsciiCharacters_quote() {
        assertThat(split("SELECT $€$ a; b $€$;\nSELECT $ü1$;$ü1$;")).containsExactly(
                stmt("SELECT $€$ a; b $€$", 1),
                stmt("SELECT $ü1$;$ü1$", 2));
    }

    @Test
    void aColumnNamedBeginFollowedByAtomic_outsideAFunction_isAnOrdinaryStatement() {
        assertThat(split("SELECT x.begin atomic FROM x;\nSELECT 2;")).containsExactly(
                stmt("SELECT x.begin atomic FROM x", 1),
                stmt("SELECT 2", 2));
    }
}
