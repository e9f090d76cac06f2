package dev.migrator.cli;

import dev.migrator.cli.CliJar.Run;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --lock lease} on real servers (issue 22 item 3): with another session holding migrator's session lock, the
 * default run waits and exits 4, while {@code --lock lease} never asks for that lock, migrates under a row of
 * {@code migrator_lock}, and leaves the history complete.
 */
class CliLockIT {

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @Test
    void lease_onPostgres_takesTheLockTable_notTheAdvisoryLock() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        leaseIgnoresTheHeldSessionLock(db, "SELECT pg_advisory_lock(?)", CliServersIT.fnv64("public.migrator_history"));
    }

    @Test
    void lease_onMariaDb_takesTheLockTable_notGetLock() throws Exception {
        TestDatabase db = databases.create(DatabaseKind.MARIADB);
        leaseIgnoresTheHeldSessionLock(db, "SELECT GET_LOCK(?, 10)",
                "migrator:" + Long.toHexString(CliServersIT.fnv64(db.name() + ".migrator_history")));
    }

    private void leaseIgnoresTheHeldSessionLock(TestDatabase db, String lockSql, Object key) throws Exception {
        Fixtures.workspace(dir, "shop");
        Map<String, String> env = Map.of("MIGRATOR_PASSWORD", db.password());
        try (Connection other = db.connect()) {
            try (PreparedStatement lock = other.prepareStatement(lockSql)) {
                lock.setObject(1, key);
                lock.execute();
            }

            // The control: the default lock is the one the other session holds.
            Run session = CliJar.run(dir, env, "migrate", "--url", db.url(), "--user", db.user(),
                    "--lock-timeout", "1", "--json");
            assertThat(CliExitStatusIT.error(session, 4, "LOCK_TIMEOUT").get("message").asText())
                    .contains("--lock-timeout");
            assertThat(tables(other, "migrator_lock")).isZero();

            Run lease = CliJar.run(dir, env, "migrate", "--url", db.url(), "--user", db.user(), "--lock", "lease",
                    "--lock-timeout", "5");

            assertThat(lease.exitStatus()).as("%s", lease).isEqualTo(0);
        }
        assertThat(tables(db, "migrator_lock")).isEqualTo(1);
        // MariaDB's DDL commits implicitly, so it also has a STARTED row before each SUCCESS; nothing failed.
        assertThat(db.query("SELECT COUNT(*) FROM migrator_history WHERE outcome NOT IN ('STARTED', 'SUCCESS')"))
                .containsExactly(List.of("0"));
        assertThat(db.query("SELECT version FROM migrator_history WHERE outcome = 'SUCCESS' AND version IS NOT NULL "
                + "ORDER BY installed_rank")).containsExactly(List.of("1"), List.of("2"), List.of("3"));
        // Released: no row left behind to hold the next run up.
        assertThat(db.query("SELECT COUNT(*) FROM migrator_lock")).containsExactly(List.of("0"));
    }

    private static int tables(TestDatabase db, String name) throws Exception {
        try (Connection c = db.connect()) {
            return tables(c, name);
        }
    }

    private static int tables(Connection c, String name) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM information_schema.tables WHERE "
                + "table_name = ? AND table_schema = " + (c.getMetaData().getURL().startsWith("jdbc:postgresql")
                ? "current_schema()" : "DATABASE()"))) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
