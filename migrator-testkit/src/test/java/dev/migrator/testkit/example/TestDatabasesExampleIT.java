package dev.migrator.testkit.example;

// tag::test-databases[]
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.Database;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabasesExampleIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void customersAreStoredOnEveryDatabase(DatabaseKind kind) {
        TestDatabase db = databases.create(kind); // fresh and empty; dropped after the test

        Migrator.builder().target(JdbcTarget.of(db.dataSource())).locations("classpath:db/migration").build()
                .migrateTo("1");
        db.execute("INSERT INTO customers (id, name) VALUES (1, 'Ada')");

        assertThat(db.query("SELECT id, name FROM customers")).containsExactly(List.of("1", "Ada"));
    }

    @Test
    void aDatabaseCanBeAParameter(@Database(DatabaseKind.H2) TestDatabase db) {
        db.execute("CREATE TABLE notes (id INT PRIMARY KEY)");

        assertThat(db.query("SELECT COUNT(*) FROM notes")).containsExactly(List.of("0"));
    }
}
// end::test-databases[]
