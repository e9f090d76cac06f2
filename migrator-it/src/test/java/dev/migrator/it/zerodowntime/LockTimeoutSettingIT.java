package dev.migrator.it.zerodowntime;

import dev.migrator.api.MigrationFailedException;
import dev.migrator.core.MigrationState;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lock timeout each script runs with, as its own statements see it: a script holding DDL runs with the configured
 * DDL lock timeout (5 s by default) from its first statement on, a script of DML only with the database's own
 * setting, a directive overrides both. The session changes the setting only between a script holding DDL and one
 * without, so this alternates them, and pins that a failing first statement is reported as itself with nothing kept.
 */
class LockTimeoutSettingIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void eachScriptSeesItsOwnLockTimeout_fromItsFirstStatementOn(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        String now = kind == DatabaseKind.POSTGRESQL ? "current_setting('lock_timeout')"
                : "CONCAT(@@SESSION.lock_wait_timeout, '/', @@SESSION.innodb_lock_wait_timeout)";
        String own;
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT " + now)) {
            rs.next();
            own = rs.getString(1);
        }
        String configured = kind == DatabaseKind.POSTGRESQL ? "5s" : "5/5";
        String directive = kind == DatabaseKind.POSTGRESQL ? "30s" : "30/30";

        write("V1__Settings.sql", "CREATE TABLE seen (version INT PRIMARY KEY, lock_timeout VARCHAR(40));\n"
                + "INSERT INTO seen VALUES (1, " + now + ");\n");
        write("V2__Dml.sql", "INSERT INTO seen VALUES (2, " + now + ");\n");
        write("V3__Directive.sql", "-- migrator:lock-timeout=30s\nCREATE TABLE t3 (id INT);\n"
                + "INSERT INTO seen VALUES (3, " + now + ");\n");
        // The first statement reads the setting: it must already run under the DDL timeout the script holds.
        write("V4__First_reads.sql", "INSERT INTO seen VALUES (4, " + now + ");\nCREATE TABLE t4 (id INT);\n");
        write("V5__Dml_again.sql", "INSERT INTO seen VALUES (5, " + now + ");\n");
        write("V6__Ddl_again.sql", "INSERT INTO seen VALUES (6, " + now + ");\nCREATE TABLE t6 (id INT);\n");
        migrator(db).migrate();

        assertThat(seen(db)).containsExactly(Map.entry(1, configured), Map.entry(2, own), Map.entry(3, directive),
                Map.entry(4, configured), Map.entry(5, own), Map.entry(6, configured));

        // After a DML script, a DDL script whose first statement fails: the error is that statement's, nothing of
        // the script is kept, and no history row claims it.
        write("V7__Dml.sql", "INSERT INTO seen VALUES (7, " + now + ");\n");
        write("V8__Fails_first.sql", "CREATE TABLE t4 (id INT);\nINSERT INTO seen VALUES (8, " + now + ");\n");
        assertThatThrownBy(() -> migrator(db).migrate()).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V8__Fails_first.sql").hasMessageContaining("t4")
                .hasMessageNotContaining("lock_timeout").hasMessageNotContaining("lock_wait_timeout");
        assertThat(seen(db)).containsKeys(7).doesNotContainKey(8);
        assertThat(migrator(db).info()).filteredOn(m -> "8".equals(m.version()))
                .singleElement().satisfies(m -> assertThat(m.state()).isIn(MigrationState.PENDING,
                        MigrationState.FAILED));
    }

    private Migrator migrator(TestDatabase db) {
        return Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + dir).build();
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }

    private static Map<Integer, String> seen(TestDatabase db) throws Exception {
        Map<Integer, String> seen = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, lock_timeout FROM seen ORDER BY version")) {
            while (rs.next()) {
                seen.put(rs.getInt(1), rs.getString(2));
            }
        }
        return seen;
    }
}
