package dev.migrator.it;

import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history's times are UTC whatever the JVM's zone: a row written and read back in a zone 14 hours from UTC says
 * when the migration ran. Each dialect reads the column its own way (MariaDB through a UTC calendar), and on a machine
 * whose zone is UTC a reader that used the JVM's zone would not show.
 */
class HistoryTimesIT {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void installedOn_isTheInstantTheMigrationRan_inAJvmFarFromUtc(DatabaseKind kind, @TempDir Path dir)
            throws Exception {
        TestDatabase db = databases.create(kind);
        Files.writeString(dir.resolve("V1__One.sql"), "CREATE TABLE one (id INT);");
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati")); // UTC+14, no daylight saving
        try {
            Instant before = Instant.now().minusSeconds(2);
            Targets.migrator(db, "filesystem:" + dir).build().migrate();
            Instant after = Instant.now().plusSeconds(2);

            List<HistoryRecord> rows;
            try (TargetSession session = JdbcTarget.of(db.url(), db.user(), db.password())
                    .open(new TargetSettings(null, "migrator_history", "migrator_lock"))) {
                rows = session.history().read();
            }
            // One SUCCESS row, after a STARTED row where DDL commits implicitly (H2, MariaDB).
            assertThat(rows).isNotEmpty().extracting(HistoryRecord::installedOn)
                    .allSatisfy(on -> assertThat(on).as("not shifted by the JVM's %s from UTC", Duration.ofHours(14))
                            .isBetween(before, after));
        } finally {
            TimeZone.setDefault(zone);
        }
    }
}
