package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The generic snapshot through DatabaseMetaData (databases without a catalog query of their own), on H2. */
class MetadataSnapshotTest {

    @Test
    void everyTablesColumnsAreRead_aViewsAndAnExcludedTablesAreNot() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:metadata_snapshot_test;DB_CLOSE_DELAY=0");
             Statement s = c.createStatement()) {
            for (int i = 0; i < 300; i++) {
                s.execute("CREATE TABLE t_" + i + " (id INT PRIMARY KEY, name VARCHAR(40))");
            }
            s.execute("CREATE VIEW v AS SELECT id FROM t_0");
            s.execute("CREATE TABLE history (rank INT)");

            SchemaModel model = MetadataSnapshot.capture(new H2Dialect(), c, null, "PUBLIC", Set.of("history"));

            assertThat(model.objects()).filteredOn(o -> o.kind().equals("column")).hasSize(600)
                    .extracting(SchemaObject::name).contains("T_0.ID", "T_299.NAME")
                    .noneMatch(n -> n.startsWith("V.") || n.startsWith("HISTORY."));
            assertThat(model.objects()).filteredOn(o -> o.kind().equals("table")).hasSize(300);
            assertThat(model.objects()).filteredOn(o -> o.kind().equals("primary key")).hasSize(300);
        }
    }
}
