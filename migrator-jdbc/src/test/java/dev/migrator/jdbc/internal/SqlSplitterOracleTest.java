package dev.migrator.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.ScriptStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterOracleTest {

    private static List<ScriptStatement> split(String script) {
        return SqlSplitter.split(script, SqlSyntax.ORACLE, "V6__oracle.sql");
    }

    private static ScriptStatement stmt(String text, int line) {
        return new ScriptStatement(text, line);
    }

    @Test
    void packageSpecAndBodyEachEndedBySlashKeepTheirSemicolons() {
        String script = """
                CREATE OR REPLACE PACKAGE billing AS
                  PROCEDURE charge(p_id IN NUMBER, p_amount IN NUMBER);
                  FUNCTION balance(p_id IN NUMBER) RETURN NUMBER;
                END billing;
                /
                CREATE OR REPLACE PACKAGE BODY billing AS
                  PROCEDURE charge(p_id IN NUMBER, p_amount IN NUMBER) IS
                  BEGIN
                    UPDATE account SET balance = balance - p_amount WHERE id = p_id;
                  END charge;

                  FUNCTION balance(p_id IN NUMBER) RETURN NUMBER IS
                    v NUMBER;
                  BEGIN
                    SELECT balance INTO v FROM account WHERE id = p_id;
                    RETURN v / 100;
                  END balance;
                END billing;
                /
                """;

        assertThat(split(script)).containsExactly(
                stmt("""
                        CREATE OR REPLACE PACKAGE billing AS
                          PROCEDURE charge(p_id IN NUMBER, p_amount IN NUMBER);
                          FUNCTION balance(p_id IN NUMBER) RETURN NUMBER;
                        END billing;""", 1),
                stmt("""
                        CREATE OR REPLACE PACKAGE BODY billing AS
                          PROCEDURE charge(p_id IN NUMBER, p_amount IN NUMBER) IS
                          BEGIN
                            UPDATE account SET balance = balance - p_amount WHERE id = p_id;
                          END charge;

                          FUNCTION balance(p_id IN NUMBER) RETURN NUMBER IS
                            v NUMBER;
                          BEGIN
                            SELECT balance INTO v FROM account WHERE id = p_id;
                            RETURN v / 100;
                          END balance;
                        END billing;""", 6));
    }

    @Test
    void editionableTriggerIsEndedBySlashLineWithBlanks() {
        String script = """
                CREATE OR REPLACE EDITIONABLE TRIGGER account_bi
                BEFORE INSERT ON account FOR EACH ROW
                BEGIN
                  IF :NEW.id IS NULL THEN
                    :NEW.id := account_seq.NEXTVAL;
                  END IF;
                END;
                  /\t
                INSERT INTO account (balance) VALUES (0);
                """;

        assertThat(split(script)).containsExactly(
                stmt("""
                        CREATE OR REPLACE EDITIONABLE TRIGGER account_bi
                        BEFORE INSERT ON account FOR EACH ROW
                        BEGIN
                          IF :NEW.id IS NULL THEN
                            :NEW.id := account_seq.NEXTVAL;
                          END IF;
                        END;""", 1),
                stmt("INSERT INTO account (balance) VALUES (0)", 9));
    }

    @Test
    void anonymousBeginBlockIsEndedBySlash() {
        String script = """
                -- grant to every role; idempotent
                begin
                  FOR r IN (SELECT role FROM dba_roles WHERE role LIKE 'APP_%') LOOP
                    EXECUTE IMMEDIATE 'GRANT SELECT ON account TO ' || r.role;
                  END LOOP;
                end;
                /
                """;

        assertThat(split(script)).containsExactly(stmt("""
                begin
                  FOR r IN (SELECT role FROM dba_roles WHERE role LIKE 'APP_%') LOOP
                    EXECUTE IMMEDIATE 'GRANT SELECT ON account TO ' || r.role;
                  END LOOP;
                end;""", 2));
    }

    @Test
    void declareBlockIsEndedBySlash() {
        String script = """
                DECLARE
                  v_count NUMBER;
                BEGIN
                  SELECT COUNT(*) INTO v_count FROM user_tables WHERE table_name = 'ACCOUNT';
                  IF v_count = 0 THEN
                    EXECUTE IMMEDIATE 'CREATE TABLE account (id NUMBER)';
                  END IF;
                END;
                /
                SELECT 1 FROM dual;
                """;

        assertThat(split(script)).containsExactly(
                stmt("""
                        DECLARE
                          v_count NUMBER;
                        BEGIN
                          SELECT COUNT(*) INTO v_count FROM user_tables WHERE table_name = 'ACCOUNT';
                          IF v_count = 0 THEN
                            EXECUTE IMMEDIATE 'CREATE TABLE account (id NUMBER)';
                          END IF;
                        END;""", 1),
                stmt("SELECT 1 FROM dual", 10));
    }

    @Test
    void qQuotedStringsHoldingSemicolonsAndQuotesDoNotSplit() {
        String script = """
                INSERT INTO msg VALUES (1, q'[a;b]');
                INSERT INTO msg VALUES (2, Q'{it's; {nested}}');
                INSERT INTO msg VALUES (3, nq'(x;)' || q'<y;>' || q'!it's;!' || NQ'#;#');
                """;

        assertThat(split(script)).containsExactly(
                stmt("INSERT INTO msg VALUES (1, q'[a;b]')", 1),
                stmt("INSERT INTO msg VALUES (2, Q'{it's; {nested}}')", 2),
                stmt("INSERT INTO msg VALUES (3, nq'(x;)' || q'<y;>' || q'!it's;!' || NQ'#;#')", 3));
    }

    @Test
    void plainStatementsAroundPlsqlUnitsEndAtSemicolons() {
        String script = """
                CREATE TABLE account (id NUMBER PRIMARY KEY, balance NUMBER(12, 2));
                CREATE SEQUENCE account_seq;
                CREATE OR REPLACE FUNCTION fmt(p NUMBER) RETURN VARCHAR2 IS
                BEGIN
                  RETURN TO_CHAR(p, 'FM999G990D00');
                END fmt;
                /
                CREATE OR REPLACE VIEW account_v AS SELECT id, fmt(balance) AS balance FROM account;
                COMMENT ON TABLE account IS 'accounts; one per customer';
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE account (id NUMBER PRIMARY KEY, balance NUMBER(12, 2))", 1),
                stmt("CREATE SEQUENCE account_seq", 2),
                stmt("""
                        CREATE OR REPLACE FUNCTION fmt(p NUMBER) RETURN VARCHAR2 IS
                        BEGIN
                          RETURN TO_CHAR(p, 'FM999G990D00');
                        END fmt;""", 3),
                stmt("CREATE OR REPLACE VIEW account_v AS SELECT id, fmt(balance) AS balance FROM account", 8),
                stmt("COMMENT ON TABLE account IS 'accounts; one per customer'", 9));
    }

    @Test
    void slashLineEndsSqlStatementWithoutSemicolonAndIsIgnoredAfterOne() {
        String script = """
                SELECT 1 FROM dual
                /
                CREATE TABLE t (id NUMBER);
                /
                SELECT 10 / 2 FROM dual;
                """;

        assertThat(split(script)).containsExactly(
                stmt("SELECT 1 FROM dual", 1),
                stmt("CREATE TABLE t (id NUMBER)", 3),
                stmt("SELECT 10 / 2 FROM dual", 5));
    }

    @Test
    void createTypeWithoutBodyIsPlsqlNeedingSlash() {
        String script = """
                CREATE TYPE point_t AS OBJECT (x NUMBER, y NUMBER);
                /
                CREATE OR REPLACE NONEDITIONABLE TYPE BODY shape_t AS
                  MEMBER FUNCTION area RETURN NUMBER IS BEGIN RETURN 0; END;
                END;
                /
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE TYPE point_t AS OBJECT (x NUMBER, y NUMBER);", 1),
                stmt("""
                        CREATE OR REPLACE NONEDITIONABLE TYPE BODY shape_t AS
                          MEMBER FUNCTION area RETURN NUMBER IS BEGIN RETURN 0; END;
                        END;""", 3));
    }

    @Test
    void slashInsideCommentOrStringIsNotATerminator() {
        String script = """
                BEGIN
                  /* see
                  /
                  */
                  dbms_output.put_line('a
                /
                b');
                END;
                /
                """;

        assertThat(split(script)).containsExactly(stmt("""
                BEGIN
                  /* see
                  /
                  */
                  dbms_output.put_line('a
                /
                b');
                END;""", 1));
    }

    @Test
    void plsqlUnitAtEndOfScriptWithoutSlashIsStillReturned() {
        String script = "CREATE TABLE t (id NUMBER);\nCREATE OR REPLACE PROCEDURE p IS\nBEGIN\n  NULL;\nEND;\n-- done\n";

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE t (id NUMBER)", 1),
                stmt("CREATE OR REPLACE PROCEDURE p IS\nBEGIN\n  NULL;\nEND;", 2));
    }

    @Test
    void unterminatedQQuoteNamesItsDelimiterAndLine() {
        String script = """
                SELECT 1 FROM dual;
                INSERT INTO msg VALUES (q'[never closed);
                COMMIT;
                """;

        assertThatThrownBy(() -> split(script))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("V6__oracle.sql line 2: the q-quoted string q'[ is never closed; close it with ]'"
                        + " before the end of the script");
    }
}
