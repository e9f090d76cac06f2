package dev.migrator.it;

import dev.migrator.api.LockTimeoutException;
import dev.migrator.api.MigrationListener;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.migrator.it.Targets.migrator;
import static dev.migrator.it.Targets.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lock keys of PostgreSQL and MariaDB, which must never change between versions. What every target's lock does
 * (exclusion, timeouts, a dead holder's lock freed) is the contract suite's LockContractIT.
 */
class LockIT {
    private static final String BASIC = "classpath:db/basic";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    /**
     * The key every version must derive from "schema.historyTable" (FNV-1a 64): if it changed, an old and a new
     * release booting together would not exclude each other.
     */
    static long lockKey(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    @Test
    @Timeout(30)
    void postgresAdvisoryLockHeldElsewhere_endsInLockTimeout_andChangesNothing() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        AtomicInteger waits = new AtomicInteger();
        try (Connection holder = db.connect();
             PreparedStatement s = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
            s.setLong(1, lockKey("public.migrator_history"));
            s.executeQuery().close();

            assertThatThrownBy(() -> migrator(db, BASIC).lockTimeout(Duration.ofSeconds(1))
                    .listener(new MigrationListener() {
                        @Override
                        public void onLockWait(String target, Duration waited) {
                            waits.incrementAndGet();
                        }
                    }).build().migrate())
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("held the migration lock")
                    .hasMessageContaining("longer than lockTimeout (1 s); nothing was changed");
        }
        assertThat(waits.get()).isPositive();
        assertThat(tableExists(db, "users")).isFalse();
        // Once the holder's session ends, its lock is gone with it.
        assertThat(migrator(db, BASIC).lockTimeout(Duration.ofSeconds(5)).build().migrate().applied()).hasSize(4);
    }

    @Test
    @Timeout(30)
    void mariaDbGetLockHeldElsewhere_endsInLockTimeout() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.MARIADB);
        try (Connection holder = db.connect();
             PreparedStatement s = holder.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            s.setString(1, "migrator:" + Long.toHexString(lockKey(db.name() + ".migrator_history")));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThatThrownBy(() -> migrator(db, BASIC).lockTimeout(Duration.ofSeconds(1)).build().migrate())
                    .isInstanceOf(LockTimeoutException.class);
        }
        assertThat(migrator(db, BASIC).build().migrate().applied()).hasSize(4);
    }
}
