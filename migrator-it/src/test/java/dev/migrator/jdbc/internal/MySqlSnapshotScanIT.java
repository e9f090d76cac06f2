package dev.migrator.jdbc.internal;

import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MariaDB snapshot's information_schema queries each open one database only. A view filtered by a column MariaDB
 * does not look up directly opens every table of every database on the server: on a server holding 14,000 tables two
 * of them took 1.7 s each, on every run that changed something (and in CI, after a benchmark had left its databases).
 * EXPLAIN says which: "Scanned 1 database" or "Scanned all databases".
 */
class MySqlSnapshotScanIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void everyCatalogQuery_scansOneDatabase() {
        TestDatabase db = databases.create(DatabaseKind.MARIADB);
        String schema = db.query("SELECT DATABASE()").get(0).get(0);

        List<String> queries = new java.util.ArrayList<>(MySqlSnapshot.catalogQueries());
        // And the history's look-ups, which every boot makes.
        queries.add(MySqlDialect.TABLE_EXISTS);
        queries.add(MySqlDialect.TABLE_COLUMNS);
        for (String query : queries) {
            List<List<String>> plan = db.query("EXPLAIN " + query.replace("?", "'" + schema + "'"));
            assertThat(plan).as(query).isNotEmpty()
                    .allSatisfy(row -> assertThat(String.join(" ", row.stream().map(String::valueOf).toList()))
                            .as(query).doesNotContain("Scanned all databases"));
        }
    }
}
