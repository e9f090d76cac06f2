package dev.migrator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.api.ConfigurationException;
import dev.migrator.api.Migration;
import dev.migrator.api.MigrationEvent;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.MigrationListener;
import dev.migrator.api.MigratorException;
import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.HistoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Engine behaviour that needs no real database, against {@link FakeTarget}. */
class MigrationEngineTest {
    private final FakeTarget target = new FakeTarget();

    @TempDir
    Path dir;

    /** A Java migration named by its overrides, with an optional pause. */
    static Migration<List<String>> step(String version, String text, long pauseMillis) {
        return new Migration<>() {
            @Override
            public void up(List<String> db) throws Exception {
                Thread.sleep(pauseMillis);
                db.add(text);
            }

            @Override
            public String version() {
                return version;
            }

            @Override
            public String description() {
                return text;
            }
        };
    }

    private Migrator.Builder migrator() {
        return Migrator.builder().target(target).locations("filesystem:" + dir);
    }

    @Test
    void noOpBoot_readsTheHistoryOnce_andTakesNoLock() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "create one");
        migrator().build().migrate();
        target.historyReads.set(0);
        target.historyLookups.set(0);
        target.lockAcquisitions.set(0);

        MigrateResult result = migrator().build().migrate();

        assertThat(result.applied()).isEmpty();
        assertThat(target.historyReads.get()).isEqualTo(1);
        assertThat(target.historyLookups.get()).as("exists() before read(): a catalogue query of its own").isZero();
        assertThat(target.lockAcquisitions.get()).isZero();
    }

    /**
     * The target keeps the statements its linter split for the scripts prepared next (JdbcSession's ScriptSplits):
     * only when the lint comes first is each script split once.
     */
    @Test
    void migrate_lintsThePendingScripts_beforeItPreparesThem() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "create one");
        Files.writeString(dir.resolve("V2__Two.sql"), "create two");

        migrator().build().migrate();

        assertThat(target.calls).startsWith("lint", "prepare V1__One.sql", "prepare V2__Two.sql");
    }

    @Test
    void pendingWork_isReplannedUnderTheLock_withRanksContinuingTheHistory() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "create one");
        migrator().build().migrate();
        Files.writeString(dir.resolve("V2__Two.sql"), "create two");

        migrator().build().migrate();

        assertThat(target.history).extracting(HistoryRecord::rank).containsExactly(1, 2);
        assertThat(target.history).extracting(HistoryRecord::installedBy).doesNotContainNull();
        assertThat(target.history).extracting(HistoryRecord::runId).doesNotHaveDuplicates();
    }

    @Test
    void listener_hearsEachMigration_andTheFailure() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "create one");
        Files.writeString(dir.resolve("V2__Two.sql"), "create two\nFAIL");
        List<String> heard = new ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void beforeMigration(MigrationEvent e) {
                heard.add("before " + e.version());
            }

            @Override
            public void afterMigration(MigrationEvent e) {
                heard.add("after " + e.version());
            }

            @Override
            public void onFailure(MigrationEvent e, MigratorException error) {
                heard.add("failed " + e.version() + ": " + error.getClass().getSimpleName());
            }
        };

        assertThatThrownBy(() -> migrator().listener(listener).build().migrate())
                .isInstanceOf(MigrationFailedException.class);

        assertThat(heard).containsExactly("before 1", "after 1", "before 2", "failed 2: MigrationFailedException");
        assertThat(target.applied).containsExactly("create one");
    }

    @Test
    void failureThatCannotBeRecorded_reportsBothErrors() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "FAIL");
        migrator().build().info();
        target.historyExists = true;
        target.failAppends = true;

        assertThatThrownBy(() -> migrator().build().migrate())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("FAIL says no")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessage("history is read-only")));
    }

    @Test
    @Timeout(20)
    void leaseTakenOverWhileMigrating_stopsBeforeTheNextMigration() {
        target.loseLeaseOnRenew = true;
        Migrator migrator = Migrator.builder().target(target).locations("filesystem:" + dir)
                .migrations(step("1", "slow one", 400), step("2", "two", 0))
                .lease(Duration.ofMillis(150)).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(dev.migrator.api.LostLockException.class)
                .hasMessageContaining("lease was lost")
                .hasMessageContaining("stopped before running anything more");
        // Under load the lease may be judged lost before the slow one is recorded; never is "two" run.
        assertThat(target.applied).doesNotContain("two");
    }

    @Test
    void holderStalledPastItsLease_stopsBeforeItsNextMigration_beforeItsHeartbeatNotices() {
        Duration lease = Duration.ofSeconds(30);
        MutableClock clock = new MutableClock();
        // After its first migration the holder "stalls" (a GC pause, SIGSTOP) for two leases: its heartbeat, due
        // every 10 s of real time, has not run, so only the age of its last renewal can tell it the lease ran out.
        MigrationListener stall = new MigrationListener() {
            @Override
            public void afterMigration(MigrationEvent e) {
                clock.advance(lease.multipliedBy(2));
            }
        };
        Migrator stalled = Migrator.builder().target(target).locations("filesystem:" + dir)
                .migrations(step("1", "one", 0), step("2", "two", 0)).lease(lease).listener(stall).clock(clock)
                .build();

        assertThatThrownBy(stalled::migrate).isInstanceOf(dev.migrator.api.LostLockException.class)
                .hasMessageContaining("it was last renewed 60000 ms ago, longer than the lease (30000 ms)")
                .hasMessageContaining("stopped before running anything more and wrote no further history row");
        assertThat(target.applied).containsExactly("one");
        assertThat(target.history).extracting(r -> r.version() + " " + r.outcome()).containsExactly("1 SUCCESS");

        Migrator next = Migrator.builder().target(target).locations("filesystem:" + dir)
                .migrations(step("1", "one", 0), step("2", "two", 0)).lease(lease).clock(clock).build();
        assertThat(next.migrate().applied()).extracting(AppliedMigration::version).containsExactly("2");
        assertThat(target.applied).containsExactly("one", "two");
    }

    /** A clock a test moves by hand. */
    private static final class MutableClock extends java.time.Clock {
        private volatile java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void futureMigrations_areToleratedByMigrate_butReportedByValidate() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "create one");
        Files.writeString(dir.resolve("V2__Two.sql"), "create two");
        migrator().build().migrate();
        Files.delete(dir.resolve("V2__Two.sql"));

        assertThat(migrator().build().migrate().applied()).isEmpty();
        assertThatThrownBy(() -> migrator().build().validate()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("version 2 (V2__Two.sql) was applied on")
                .hasMessageContaining("unknown to this application");
        assertThat(migrator().build().info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 MISSING");
    }

    @Test
    void missingMigrationInTheMiddle_stopsMigrate() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "create one");
        Files.writeString(dir.resolve("V2__Two.sql"), "create two");
        Files.writeString(dir.resolve("V3__Three.sql"), "create three");
        migrator().build().migrate();
        Files.delete(dir.resolve("V2__Two.sql"));
        Files.writeString(dir.resolve("V4__Four.sql"), "create four");

        assertThatThrownBy(() -> migrator().build().migrate()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("version 2 (V2__Two.sql) was applied on")
                .hasMessageContaining("no longer found in the locations: restore the migration");
    }

    @Test
    void migrateResultJson_hasTheDocumentedKeys() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "create one");

        JsonNode json = new ObjectMapper().readTree(migrator().build().migrate().toJson());

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("operation").asText()).isEqualTo("migrate");
        assertThat(json.get("success").asBoolean()).isTrue();
        assertThat(json.get("versionAfter").asText()).isEqualTo("1");
        assertThat(json.get("migrations").get(0).get("script").asText()).isEqualTo("V1__One.sql");
        assertThat(json.get("migrations").get(0).has("durationMs")).isTrue();
    }

    @Test
    void badSettings_areAllNamedInOneError() {
        assertThatThrownBy(() -> Migrator.builder().historyTable("bad name").schema("x;drop")
                .lockTimeout(Duration.ZERO).locations("http://example.com/x").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("target is required")
                .hasMessageContaining("historyTable: 'bad name'")
                .hasMessageContaining("schema: 'x;drop'")
                .hasMessageContaining("lockTimeout: PT0S must be positive")
                .hasMessageContaining("unknown prefix");
    }

    @Test
    void missingConfiguredLocation_isAnError_butAMissingDefaultOneIsNot() {
        assertThatThrownBy(() -> Migrator.builder().target(target).locations("filesystem:" + dir.resolve("nope"))
                .build().migrate()).isInstanceOf(ConfigurationException.class).hasMessageContaining("does not exist");
        // Named by its absolute path too, so a relative path read from the wrong working directory shows (issue 12.4).
        assertThatThrownBy(() -> Migrator.builder().target(target).locations("filesystem:relative/nope")
                .build().migrate()).isInstanceOf(ConfigurationException.class).hasMessageContaining(
                        "location 'filesystem:relative/nope' (" + java.nio.file.Path.of("relative/nope")
                                .toAbsolutePath() + ") does not exist");
        assertThat(Migrator.builder().target(target).build().migrate().applied()).isEmpty();
    }

    @Test
    void toBuilder_derivesAVariant_leavingTheOriginalAlone() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "create one");
        Files.writeString(dir.resolve("V2__Two.sql"), "create two");
        Migrator original = migrator().build();

        original.toBuilder().build().migrateTo("1");

        assertThat(original.info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 PENDING");
        assertThat(original.plan().toSql()).contains("-- version 2: Two (V2__Two.sql)", "create two;");
    }

    @Test
    void badInput_isReportedFirst_andTheSessionOpenedMeanwhileIsClosed() throws Exception {
        Files.writeString(dir.resolve("Vabc__Bad.sql"), "create");

        assertThatThrownBy(() -> migrator().build().migrate()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Vabc__Bad.sql");
        // The session opened meanwhile is closed when it arrives, without the error waiting for it.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (target.openSessions.get() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(target.openSessions.get()).isZero();
        assertThat(target.lockAcquisitions.get()).isZero();
    }

    @Test
    void badInputAndAnUnreachableDatabase_reportTheBadInput() throws Exception {
        Files.writeString(dir.resolve("Vabc__Bad.sql"), "create");
        target.connectFailure = new ConfigurationException("Cannot connect to fake");

        assertThatThrownBy(() -> migrator().build().migrate()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Vabc__Bad.sql");
    }

    @Test
    void unreachableDatabase_isReportedAsItself() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "create one");
        target.connectFailure = new ConfigurationException("Cannot connect to fake");

        assertThatThrownBy(() -> migrator().build().migrate()).isInstanceOf(ConfigurationException.class)
                .hasMessage("Cannot connect to fake");
    }
}
