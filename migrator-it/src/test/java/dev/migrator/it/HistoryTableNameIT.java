package dev.migrator.it;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13 item 9: a history table name that would start a second history is refused before anything is written. */
class HistoryTableNameIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void historyTableDifferingOnlyInCase_isRefused_andNothingRuns(DatabaseKind kind, @TempDir Path dir)
            throws Exception {
        TestDatabase db = databases.create(kind);
        Files.writeString(dir.resolve("V1__One.sql"), "CREATE TABLE one (id INT);");
        Targets.migrator(db, "filesystem:" + dir).build().migrate();
        Files.writeString(dir.resolve("V2__Two.sql"), "CREATE TABLE two (id INT);");
        Migrator shouting = Targets.migrator(db, "filesystem:" + dir).historyTable("MIGRATOR_HISTORY").build();

        assertThatThrownBy(shouting::migrate).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("historyTable: 'MIGRATOR_HISTORY' differs only in case from the existing "
                        + "table 'migrator_history'")
                .hasMessageContaining("Set historyTable to 'migrator_history'");
        assertThatThrownBy(shouting::info).isInstanceOf(ConfigurationException.class);

        assertThat(Targets.tableExists(db, "two")).isFalse();
        assertThat(Targets.history(db)).containsExactly("1 APPLY SUCCESS");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void historyTableNamedLikeTheLockTable_isRefusedAtBuild(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);

        assertThatThrownBy(() -> Targets.migrator(db, "classpath:db/basic").historyTable("Migrator_Lock").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("historyTable: 'Migrator_Lock' is the name of the lock table");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void readingAMissingHistory_findsNoRows(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);

        try (TargetSession session = JdbcTarget.of(db.url(), db.user(), db.password())
                .open(new TargetSettings(null, "migrator_history", "migrator_lock"))) {
            assertThat(session.history().read()).isEqualTo(List.of());
        }
    }
}
