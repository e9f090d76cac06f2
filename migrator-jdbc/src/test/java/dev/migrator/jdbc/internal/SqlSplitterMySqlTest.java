package dev.migrator.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.ScriptStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterMySqlTest {

    private static List<ScriptStatement> split(String script) {
        return SqlSplitter.split(script, SqlSyntax.MYSQL, "V2__mysql.sql");
    }

    private static ScriptStatement stmt(String text, int line) {
        return new ScriptStatement(text, line);
    }

    @Test
    void delimiterDoubleDollarProcedureIsOneStatementAndDelimiterLinesAreDropped() {
        String script = """
                CREATE TABLE counter (id INT PRIMARY KEY, n INT NOT NULL);

                DELIMITER $$
                CREATE PROCEDURE bump(IN p_id INT)
                BEGIN
                    UPDATE counter SET n = n + 1 WHERE id = p_id;
                    SELECT n FROM counter WHERE id = p_id;
                END$$
                DELIMITER ;

                CALL bump(1);
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE counter (id INT PRIMARY KEY, n INT NOT NULL)", 1),
                stmt("""
                        CREATE PROCEDURE bump(IN p_id INT)
                        BEGIN
                            UPDATE counter SET n = n + 1 WHERE id = p_id;
                            SELECT n FROM counter WHERE id = p_id;
                        END""", 4),
                stmt("CALL bump(1)", 11));
    }

    @Test
    void delimiterDoubleDollarTriggersAreSeparateStatements() {
        String script = """
                DELIMITER $$
                CREATE TRIGGER counter_bi BEFORE INSERT ON counter
                FOR EACH ROW
                BEGIN
                  IF NEW.n < 0 THEN
                    SET NEW.n = 0;
                  END IF;
                END $$

                CREATE TRIGGER counter_bu BEFORE UPDATE ON counter
                FOR EACH ROW SET NEW.n = GREATEST(NEW.n, 0)$$
                delimiter ;
                INSERT INTO counter VALUES (1, 0);
                """;

        assertThat(split(script)).containsExactly(
                stmt("""
                        CREATE TRIGGER counter_bi BEFORE INSERT ON counter
                        FOR EACH ROW
                        BEGIN
                          IF NEW.n < 0 THEN
                            SET NEW.n = 0;
                          END IF;
                        END""", 2),
                stmt("CREATE TRIGGER counter_bu BEFORE UPDATE ON counter\nFOR EACH ROW SET NEW.n = GREATEST(NEW.n, 0)", 10),
                stmt("INSERT INTO counter VALUES (1, 0)", 13));
    }

    @Test
    void delimiterDoubleSlashKeepsSemicolonsInsideRoutines() {
        String script = """
                DELIMITER //
                CREATE FUNCTION hello(s CHAR(20)) RETURNS CHAR(50) DETERMINISTIC
                RETURN CONCAT('Hello, ', s, '!');
                //
                CREATE PROCEDURE p() BEGIN DECLARE x INT DEFAULT 1; SELECT x; END //
                DELIMITER ;
                SELECT hello('world');
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE FUNCTION hello(s CHAR(20)) RETURNS CHAR(50) DETERMINISTIC\n"
                        + "RETURN CONCAT('Hello, ', s, '!');", 2),
                stmt("CREATE PROCEDURE p() BEGIN DECLARE x INT DEFAULT 1; SELECT x; END", 5),
                stmt("SELECT hello('world')", 7));
    }

    @Test
    void delimiterInsideStringOrCommentDoesNotSplit() {
        String script = """
                DELIMITER $$
                INSERT INTO price VALUES ('costs $$5; cheap') $$
                SELECT 1 /* $$ */ + 1 -- $$
                $$
                """;

        assertThat(split(script)).containsExactly(
                stmt("INSERT INTO price VALUES ('costs $$5; cheap')", 2),
                stmt("SELECT 1 /* $$ */ + 1", 3));
    }

    @Test
    void backtickIdentifiersWithSemicolonsAndDoubledBackticksDoNotSplit() {
        String script = """
                CREATE TABLE `order;items` (`id` INT, `we``ird;col` VARCHAR(10));
                INSERT INTO `order;items` VALUES (1, 'a');
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE `order;items` (`id` INT, `we``ird;col` VARCHAR(10))", 1),
                stmt("INSERT INTO `order;items` VALUES (1, 'a')", 2));
    }

    @Test
    void hashCommentHoldingSemicolonDoesNotSplit() {
        String script = """
                # setup; part 1
                CREATE TABLE t (id INT); # trailing; note
                SELECT 1 # inline; comment
                  + 1;
                """;

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE t (id INT)", 2),
                stmt("SELECT 1 # inline; comment\n  + 1", 3));
    }

    @Test
    void backslashEscapedQuotesInSingleAndDoubleQuotedStringsDoNotEndThem() {
        String script = """
                INSERT INTO t VALUES ('it\\'s; ok', "say \\"hi\\"; now");
                INSERT INTO t VALUES ('back\\\\', "x;y", 'it''s');
                """;

        assertThat(split(script)).containsExactly(
                stmt("INSERT INTO t VALUES ('it\\'s; ok', \"say \\\"hi\\\"; now\")", 1),
                stmt("INSERT INTO t VALUES ('back\\\\', \"x;y\", 'it''s')", 2));
    }

    @Test
    void doubleDashWithoutFollowingSpaceIsNotAComment() {
        String script = """
                UPDATE t SET n = n--1 WHERE id = 1;
                SELECT 1 -- a real comment; not split
                  + 1;
                SELECT 2 --
                ;
                """;

        assertThat(split(script)).containsExactly(
                stmt("UPDATE t SET n = n--1 WHERE id = 1", 1),
                stmt("SELECT 1 -- a real comment; not split\n  + 1", 2),
                stmt("SELECT 2", 4));
    }

    @Test
    void executableCommentsAreKeptEvenAsWholeStatements() {
        String script = """
                /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
                /*!40101 SET NAMES utf8mb4 */;
                /* plain comment; dropped */
                CREATE TABLE t (id INT) /*!50100 ENGINE=InnoDB */ /*M!100100 PAGE_CHECKSUM=1 */;
                /*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
                """;

        assertThat(split(script)).containsExactly(
                stmt("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */", 1),
                stmt("/*!40101 SET NAMES utf8mb4 */", 2),
                stmt("CREATE TABLE t (id INT) /*!50100 ENGINE=InnoDB */ /*M!100100 PAGE_CHECKSUM=1 */", 4),
                stmt("/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */", 5));
    }

    @Test
    void blockCommentsDoNotNest() {
        String script = "/* a /* b */ SELECT 1;\nSELECT 2;";

        assertThat(split(script)).containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2", 2));
    }

    @Test
    void unterminatedStringNamesScriptAndLine() {
        String script = """
                INSERT INTO t VALUES (1, 'ok');
                INSERT INTO t VALUES (2, 'it\\'s never closed);
                SELECT 1;
                """;

        assertThatThrownBy(() -> split(script))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("V2__mysql.sql line 2: the string literal 'it\\'s never closed)... is never closed;"
                        + " close it with ' before the end of the script");
    }

    @Test
    void delimiterWithoutValueIsRejected() {
        String script = "SELECT 1;\nDELIMITER\nSELECT 2;";

        assertThatThrownBy(() -> split(script))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("V2__mysql.sql line 2: DELIMITER is not followed by a delimiter;");
    }

    @Test
    void aStringInsideAnExecutableComment_mayHoldTheCommentEnd() {
        assertThat(split("/*!40101 SET @x='a*/b' */;\nSELECT @x;")).containsExactly(
                stmt("/*!40101 SET @x='a*/b' */", 1),
                stmt("SELECT @x", 2));
    }

    @Test
    void aProcedureWithoutDelimiterLine_isOneStatement_withNestedBlocks() {
        String proc = """
                CREATE PROCEDURE fill(IN n INT)
                BEGIN
                  DECLARE i INT DEFAULT 0;
                  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN SET i = n; END;
                  lbl: WHILE i < n DO
                    IF (i % 2 = 0) THEN
                      INSERT INTO t VALUES (IF(i > 2, i, 0), CASE WHEN i = 0 THEN 'zero' ELSE 'more' END);
                    ELSEIF i = 3 THEN
                      DROP TABLE IF EXISTS x;
                    ELSE
                      CASE i WHEN 5 THEN SET @five = 1; ELSE BEGIN END; END CASE;
                    END IF;
                    REPEAT SET i = i + 1; UNTIL TRUE END REPEAT;
                    inner_loop: LOOP LEAVE inner_loop; END LOOP inner_loop;
                  END WHILE lbl;
                END""";
        String script = "CREATE TABLE t (a INT, b TEXT);\n" + proc + ";\nCALL fill(5);\n";

        assertThat(split(script)).containsExactly(
                stmt("CREATE TABLE t (a INT, b TEXT)", 1),
                stmt(proc, 2),
                stmt("CALL fill(5)", 18));
    }

    @Test
    void triggersFunctionsEventsAndMariaDbAnonymousBlocks_areTrackedToo() {
        String script = """
                CREATE DEFINER=`root`@`%` TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END;
                CREATE FUNCTION one() RETURNS INT DETERMINISTIC RETURN 1;
                CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END;
                BEGIN NOT ATOMIC DECLARE x INT; SET x = 1; END;
                BEGIN;
                SELECT 1;
                """;

        assertThat(split(script)).extracting(ScriptStatement::line).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aBlockNeverClosed_isReportedWithTheDelimiterHint() {
        assertThatThrownBy(() -> split("CREATE PROCEDURE p() BEGIN SELECT 1;\nSELECT 2;\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("V2__mysql.sql line 1").hasMessageContaining("never closed")
                .hasMessageContaining("DELIMITER");
    }
}
