package dev.migrator.core;

import dev.migrator.api.LostLockException;
import dev.migrator.api.MigrationListener;
import dev.migrator.jdbc.JdbcContext;
import dev.migrator.jdbc.JdbcMigration;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13 item 3: lease locks are fenced. H2 has no session lock, so the migration lock is a lease row. These tests
 * drive time with the engine's clock (a package-private builder hook, hence this package) to stall a holder past its
 * lease between two migrations (where a real stall leaves no open transaction behind) while a second engine takes the
 * lease over, and check that the stalled holder runs nothing more and writes no history row: neither after it wakes
 * (its guard sees a renewal older than the lease) nor when a write was already on its way (the row is fenced by the
 * lease's owner in the same statement).
 */
class LeaseFencingIT {
    private static final Duration LEASE = Duration.ofSeconds(30);

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    @Timeout(60)
    void holderStalledPastItsLease_stopsBeforeItsNextMigration_andTheNewHolderAppliesTheRestOnce() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        db.execute("CREATE TABLE applied_log (entry VARCHAR(20))");
        LeaseTakeover.TestClock clock = new LeaseTakeover.TestClock(Duration.ZERO);
        LeaseTakeover takeover = new LeaseTakeover();
        // After its first migration, A "stalls" for two leases (a GC pause, SIGSTOP) while B takes the lease over.
        Migrator a = migrator(db, clock, takeover.stallAfter("1", () -> clock.advance(LEASE.multipliedBy(2))), "A");
        Migrator b = migrator(db, clock, new MigrationListener() { }, "B");

        LeaseTakeover.Outcome race = takeover.race(a, b);

        assertThat(race.second().applied()).extracting(AppliedMigration::version).containsExactly("2");
        assertThat(race.lost()).isInstanceOf(LostLockException.class).hasMessageContaining("lease was lost")
                .hasMessageContaining("longer than the lease");
        assertThat(db.query("SELECT entry FROM applied_log ORDER BY entry"))
                .containsExactly(List.of("1 by A"), List.of("2 by B"));
        assertThat(history(db)).containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS");
    }

    @Test
    @Timeout(60)
    void historyRowInFlightWhenTheLeaseWasTakenOver_isRefusedByTheFence() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.H2);
        db.execute("CREATE TABLE applied_log (entry VARCHAR(20))");
        // A's clock stands still, so its own guard sees a fresh lease; B's runs two leases ahead and finds A's expired.
        LeaseTakeover.TestClock clockOfA = new LeaseTakeover.TestClock(Duration.ZERO);
        LeaseTakeover.TestClock clockOfB = new LeaseTakeover.TestClock(LEASE.multipliedBy(2));
        LeaseTakeover takeover = new LeaseTakeover();
        Migrator a = migrator(db, clockOfA, takeover.stallBefore("2"), "A");
        Migrator b = migrator(db, clockOfB, new MigrationListener() { }, "B");

        LeaseTakeover.Outcome race = takeover.race(a, b);

        assertThat(race.second().applied()).extracting(AppliedMigration::version).containsExactly("2");
        assertThat(race.lost()).isInstanceOf(LostLockException.class).hasMessageContaining("was taken over")
                .hasMessageContaining("history row for");
        // A's second step ran, but its row was refused in the same statement and its transaction rolled back.
        assertThat(db.query("SELECT entry FROM applied_log ORDER BY entry"))
                .containsExactly(List.of("1 by A"), List.of("2 by B"));
        assertThat(history(db)).containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS");
    }

    private static Migrator migrator(TestDatabase db, Clock clock, MigrationListener listener, String who) {
        return Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                .locations("classpath:db/lease-fencing").migrations(new Step("1", who), new Step("2", who))
                .clock(clock).lease(LEASE).listener(listener).lockTimeout(Duration.ofSeconds(20)).build();
    }

    private static List<String> history(TestDatabase db) {
        return db.query("SELECT version, action, outcome FROM \"migrator_history\" WHERE outcome <> 'STARTED' "
                + "ORDER BY installed_rank").stream().map(r -> String.join(" ", r)).toList();
    }

    /** A migration that logs "VERSION by WHO" to applied_log: which engine ran it. */
    private record Step(String version, String who) implements JdbcMigration {
        @Override
        public void up(JdbcContext context) throws Exception {
            try (Statement s = context.connection().createStatement()) {
                s.execute("INSERT INTO applied_log VALUES ('" + version + " by " + who + "')");
            }
        }

        @Override
        public String description() {
            return "step " + version;
        }
    }
}
