package dev.migrator.it.contract;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.core.Migrator;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The target's snapshot: the migrated schema without migrator's own tables, equal when the schema is. */
class SnapshotContractIT {
    @TempDir
    Path dir;

    private static SchemaModel snapshot(TargetFixture f) {
        try (TargetSession session = f.open()) {
            return session.snapshot();
        }
    }

    @ContractTest
    void snapshot_leavesOutHistoryAndLock_andIsEqualAgainAfterAMigrationIsUndone(TargetFixture f) throws Exception {
        f.write(dir, "V1__Create_orders", f.create("orders"));
        f.write(dir, "V2__Create_items", f.create("items"));
        f.write(dir, "U2__Create_items", f.drop("items"));
        Migrator migrator = f.migrator(dir).build();
        migrator.migrateTo("1");
        SchemaModel afterOne = snapshot(f);

        migrator.migrate();
        assertThat(snapshot(f)).isNotEqualTo(afterOne);
        migrator.rollback(1);

        assertThat(snapshot(f)).isEqualTo(afterOne);
        assertThat(f.tables()).containsExactly("orders");
        assertThat(snapshot(f).objects()).noneMatch(o -> o.name().toLowerCase().contains("migrator_"));
    }
}
