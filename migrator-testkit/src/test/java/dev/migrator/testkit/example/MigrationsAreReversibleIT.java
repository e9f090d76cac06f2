package dev.migrator.testkit.example;

// The example of docs/testkit.md, exactly as the page shows it (TestkitDocTest checks), in a package of its own so
// that it uses nothing but the public API. Its migrations are in src/test/resources/db/migration.
// tag::reversibility-check[]
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.ReversibilityCheck;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

class MigrationsAreReversibleIT {
    private static final String ADA = "INSERT INTO customers (id, name, email) VALUES (1, 'Ada', 'ada@example.com')";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void everyMigrationIsUndoneByItsDown() {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);

        ReversibilityCheck.of(Migrator.builder()
                        .target(JdbcTarget.of(db.dataSource()))
                        .locations("classpath:db/migration"))
                // V4 deletes test customers: there is nothing to put back.
                .allowIrreversible("4")
                // V3 moves e-mails to another table: its down must bring them back.
                .preservesData("3", () -> execute(db, ADA), () -> query(db, "SELECT id, name, email FROM customers"))
                .verify();
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> query(TestDatabase db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join(" | ", row));
            }
        }
        return rows;
    }
}
// end::reversibility-check[]
