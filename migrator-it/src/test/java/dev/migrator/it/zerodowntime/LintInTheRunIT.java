package dev.migrator.it.zerodowntime;

import dev.migrator.api.MigratorException;
import dev.migrator.core.LintMode;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #17 item 2 in a run: at {@code LintMode.FAIL} an unacknowledged finding refuses the run before anything runs;
 * an acknowledged one ({@code -- migrator:allow RULE reason}) lets it run and is recorded in that migration's history
 * row.
 */
class LintInTheRunIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @Test
    void acknowledgedFinding_runs_andItsRuleAndReasonAreInTheHistoryRow() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Files.writeString(dir.resolve("V1__Orders.sql"), "CREATE TABLE orders (id INT PRIMARY KEY, customer INT);\n");
        Migrator.Builder builder = Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("filesystem:" + dir).lint(LintMode.FAIL);
        builder.build().migrate();

        Files.writeString(dir.resolve("V2__Index.sql"), "CREATE INDEX orders_customer ON orders (customer);\n");
        assertThatThrownBy(() -> builder.build().migrate()).isInstanceOf(MigratorException.class)
                .hasMessageContaining("PG-INDEX-NOT-CONCURRENT");
        assertThat(db.query("SELECT count(*) FROM migrator_history WHERE version = '2'")).containsExactly(
                java.util.List.of("0"));

        Files.writeString(dir.resolve("V2__Index.sql"), "-- migrator:allow PG-INDEX-NOT-CONCURRENT orders holds "
                + "a few rows until launch\nCREATE INDEX orders_customer ON orders (customer);\n");
        builder.build().migrate();

        assertThat(db.query("SELECT note FROM migrator_history WHERE version = '2' AND outcome = 'SUCCESS'").get(0)
                .get(0)).contains("PG-INDEX-NOT-CONCURRENT").contains("orders holds a few rows until launch");
    }
}
