package dev.migrator.it;

import dev.migrator.core.Migrator;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.migrator.it.Targets.allHistory;
import static dev.migrator.it.Targets.migrator;
import static dev.migrator.it.Targets.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL-only behaviour of a run. What a failing migration leaves on every target, and how to recover, is the
 * contract suite's FailureContractIT.
 */
class FailureIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void createIndexConcurrently_runsOutsideATransaction_withoutBeingTold(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Files.writeString(dir.resolve("V1__Table.sql"), "CREATE TABLE big (id INT PRIMARY KEY, code TEXT);");
        Files.writeString(dir.resolve("V2__Index.sql"), "CREATE INDEX CONCURRENTLY big_code_idx ON big (code);");
        Files.writeString(dir.resolve("V3__Vacuum.sql"), "-- migrator:transaction=false\nVACUUM big;");
        Migrator migrator = migrator(db, "filesystem:" + dir).build();

        assertThat(migrator.plan().migrations()).extracting(m -> m.version() + " " + m.transactional())
                .containsExactly("1 true", "2 false", "3 false");
        migrator.migrate();

        assertThat(query(db, "SELECT indexname FROM pg_indexes WHERE tablename = 'big' ORDER BY indexname"))
                .containsExactly(List.of("big_code_idx"), List.of("big_pkey"));
        assertThat(allHistory(db)).containsExactly("1 APPLY SUCCESS", "2 APPLY STARTED", "2 APPLY SUCCESS",
                "3 APPLY STARTED", "3 APPLY SUCCESS");
    }

    @Test
    void schemaSetting_createsTheSchema_andPutsItFirstOnTheSearchPath(@TempDir Path dir) throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Files.writeString(dir.resolve("V1__Table.sql"), "CREATE TABLE accounts (id INT PRIMARY KEY);");
        Migrator migrator = migrator(db, "filesystem:" + dir).schema("billing").build();

        assertThat(migrator.plan().migrations()).hasSize(1);
        migrator.migrate();

        assertThat(query(db, "SELECT table_schema, table_name FROM information_schema.tables "
                + "WHERE table_schema = 'billing' ORDER BY table_name"))
                .containsExactly(List.of("billing", "accounts"), List.of("billing", "migrator_history"),
                        List.of("billing", "migrator_snapshot"));
        assertThat(migrator.migrate().applied()).isEmpty();
    }
}
