package dev.migrator.it;

import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.migrator.it.Targets.migrator;
import static dev.migrator.it.Targets.query;
import static org.assertj.core.api.Assertions.assertThat;

/** Scripts whose splitting depends on the real server's grammar, run on that server. */
class ScriptSplittingIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @Test
    void mariaDb_aProcedureWithoutDelimiterLine_appliesAndCanBeCalled() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.MARIADB);
        Files.writeString(dir.resolve("V1__Procedure.sql"), """
                CREATE TABLE nums (n INT, kind VARCHAR(10));
                /*!40101 SET @note='a*/b' */;
                CREATE PROCEDURE fill(IN upto INT)
                BEGIN
                  DECLARE i INT DEFAULT 0;
                  WHILE i < upto DO
                    IF (i % 2 = 0) THEN
                      INSERT INTO nums VALUES (i, CASE WHEN i = 0 THEN 'zero' ELSE 'even' END);
                    ELSE
                      INSERT INTO nums VALUES (i, IF(i > 2, 'big', 'odd'));
                    END IF;
                    SET i = i + 1;
                  END WHILE;
                END;
                CALL fill(4);
                """);

        migrator(db, "filesystem:" + dir).build().migrate();

        assertThat(query(db, "SELECT n, kind FROM nums ORDER BY n")).containsExactly(
                List.of("0", "zero"), List.of("1", "odd"), List.of("2", "even"), List.of("3", "big"));
        db.execute("CALL fill(6)");
        assertThat(query(db, "SELECT COUNT(*) FROM nums")).containsExactly(List.of("10"));
    }

    @Test
    void postgres_createIndexConcurrentlyBehindAComment_runsOutsideATransaction() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Files.writeString(dir.resolve("V1__Index.sql"), """
                CREATE TABLE t (c int);
                CREATE INDEX /* online */ CONCURRENTLY t_c ON t (c);
                """);

        migrator(db, "filesystem:" + dir).build().migrate();

        assertThat(query(db, "SELECT indexname FROM pg_indexes WHERE tablename = 't'")).containsExactly(List.of("t_c"));
    }

    @Test
    void postgres_alterTypeAddValue_staysInTheScriptsTransaction_soAFailureLeavesNothing() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Files.writeString(dir.resolve("V1__Type.sql"), "CREATE TYPE mood AS ENUM ('sad');");
        migrator(db, "filesystem:" + dir).build().migrate();
        Files.writeString(dir.resolve("V2__Add.sql"), """
                ALTER TYPE mood ADD VALUE 'happy';
                CREATE TABLE feelings (m mood);
                SELECT no_such_column FROM feelings;
                """);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> migrator(db, "filesystem:" + dir).build().migrate())
                .isInstanceOf(dev.migrator.api.MigrationFailedException.class);

        assertThat(query(db, "SELECT count(*) FROM pg_enum WHERE enumlabel = 'happy'")).containsExactly(List.of("0"));
        assertThat(Targets.tableExists(db, "feelings")).isFalse();
    }

    @Test
    void postgres_aNewEnumValueUsedLaterInTheScript_stillApplies() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Files.writeString(dir.resolve("V1__Type.sql"), """
                CREATE TYPE mood AS ENUM ('sad');
                CREATE TABLE feelings (m mood);
                ALTER TYPE mood ADD VALUE 'happy';
                INSERT INTO feelings VALUES ('happy');
                """);

        migrator(db, "filesystem:" + dir).build().migrate();

        assertThat(query(db, "SELECT m FROM feelings")).containsExactly(List.of("happy"));
    }
}
