package dev.migrator.core;

import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.ForeignTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Layouts and row types of Flyway's history that the real Flyway 13 of FlywayAdoptionIT does not write: Flyway 3/4's
 * {@code schema_version} (with {@code version_rank}), Teams' undo rows, repair's DELETE rows, the schema-creation
 * marker, and a baseline migration.
 */
class FlywayToolTest {
    private final FakeTarget target = new FakeTarget();

    @TempDir
    Path dir;

    private int rank;

    private ForeignTable.Row row(String version, String type, String script, Object... more) throws Exception {
        Map<String, Object> v = new HashMap<>();
        rank++;
        v.put("installed_rank", rank);
        if (version != null) {
            v.put("version", version);
        }
        v.put("description", script.replaceAll("^[VR][0-9_]*__|\\.sql$", "").replace('_', ' '));
        v.put("type", type);
        v.put("script", script);
        Path file = dir.resolve(script);
        if (Files.exists(file)) {
            v.put("checksum", FlywayChecksum.of(Files.readAllBytes(file)));
        }
        v.put("installed_by", "deploy");
        v.put("installed_on", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(rank));
        v.put("success", true);
        for (int i = 0; i < more.length; i += 2) {
            v.put((String) more[i], more[i + 1]);
        }
        return new ForeignTable.Row(v);
    }

    private void scripts(String... names) throws Exception {
        for (String n : names) {
            Files.writeString(dir.resolve(n), "-- " + n + "\nSELECT 1;\n", StandardCharsets.UTF_8);
        }
    }

    private AdoptResult adopt(String table, List<ForeignTable.Row> rows) {
        target.foreignTables.put(table, new ForeignTable(table, rows));
        return Migrator.builder().target(target).locations("filesystem:" + dir).build().adopt("flyway", table);
    }

    @Test
    void flyway3And4sSchemaVersion_withVersionRank_isReadTheSame() throws Exception {
        scripts("V1__One.sql", "V2__Two.sql");
        ForeignTable.Row one = row("1", "SQL", "V1__One.sql", "version_rank", 1);
        ForeignTable.Row two = row("2", "SQL", "V2__Two.sql", "version_rank", 2);

        assertThat(adopt("schema_version", List.of(two, one)).adopted()).containsExactly("1", "2");
    }

    @Test
    void undoneAndDeletedVersionsAreNotApplied_andTheSchemaMarkerIsNoMigration() throws Exception {
        scripts("V1__One.sql", "V2__Two.sql", "V3__Three.sql");
        List<ForeignTable.Row> rows = List.of(
                row("0", "SCHEMA", "<< Flyway Schema Creation >>"),
                row("1", "SQL", "V1__One.sql"),
                row("2", "SQL", "V2__Two.sql"),
                row("3", "SQL", "V3__Three.sql"),
                row("3", "UNDO_SQL", "U3__Three.sql"),
                row("2", "DELETE", "V2__Two.sql"));

        AdoptResult r = adopt("flyway_schema_history", rows);

        assertThat(r.adopted()).containsExactly("1");
        assertThat(Migrator.builder().target(target).locations("filesystem:" + dir).build().info())
                .extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 ADOPTED", "2 PENDING", "3 PENDING");
    }

    @Test
    void aVersionAppliedAgainAfterItsUndo_isApplied() throws Exception {
        scripts("V1__One.sql");
        List<ForeignTable.Row> rows = List.of(row("1", "SQL", "V1__One.sql"), row("1", "UNDO_SQL", "U1__One.sql"),
                row("1", "SQL", "V1__One.sql"));

        assertThat(adopt("flyway_schema_history", rows).adopted()).containsExactly("1");
    }

    @Test
    void aBaselineMigrationKeepsTheVersionsBelowItUnapplied() throws Exception {
        scripts("V1__One.sql", "V2__Two.sql", "V3__Three.sql");
        List<ForeignTable.Row> rows = List.of(row("2", "SQL_BASELINE", "B2__Base.sql"),
                row("3", "SQL", "V3__Three.sql"));

        AdoptResult r = adopt("flyway_schema_history", rows);

        assertThat(r.adopted()).containsExactly("3");
        assertThat(Migrator.builder().target(target).locations("filesystem:" + dir).build().info())
                .extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 IGNORED", "2 BASELINE", "3 ADOPTED");
    }

    @Test
    void aTableWithoutInstalledRank_isNotAFlywayHistoryItCanRead() throws Exception {
        scripts("V1__One.sql");
        ForeignTable.Row old = new ForeignTable.Row(Map.of("version", "1", "current_version", true));

        assertThatThrownBy(() -> adopt("schema_version", List.of(old)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().contains("has no installed_rank column"));
    }
}
