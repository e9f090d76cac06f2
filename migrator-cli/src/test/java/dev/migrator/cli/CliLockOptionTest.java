package dev.migrator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --lock session|lease}: what a wrong value, or a session lock asked of MongoDB, tells the user. */
class CliLockOptionTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownLock_isAUsageError_namingBothChoices() {
        CliJar.Run run = InProcess.run("migrate", "--url", "jdbc:h2:mem:lock_unknown", "--lock", "advisory");

        assertThat(run.exitStatus()).as("%s", run).isEqualTo(2);
        assertThat(run.stderr()).contains("--lock is 'advisory'; write session", "or lease");
    }

    @Test
    void anUnknownLock_fromTheEnvironment_namesTheVariable() {
        CliJar.Run run = InProcess.run(Map.of("MIGRATOR_LOCK", "lock"), "info", "--url", "jdbc:h2:mem:lock_env");

        assertThat(run.exitStatus()).as("%s", run).isEqualTo(2);
        assertThat(run.stderr()).contains("MIGRATOR_LOCK is 'lock'");
    }

    @Test
    void aSessionLock_onMongoDb_isRefusedBeforeConnecting() {
        // Port 1: nothing listens; the refusal comes before any connection attempt.
        CliJar.Run run = InProcess.run("info", "--url", "mongodb://127.0.0.1:1/shop?serverSelectionTimeoutMS=200",
                "--lock", "session");

        assertThat(run.exitStatus()).as("%s", run).isEqualTo(2);
        assertThat(run.stderr()).contains("--lock session: MongoDB has no session lock", "--lock lease");
    }

    @Test
    void lease_fromTheConfigFile_isRead_andMigratesH2() throws Exception {
        Fixtures.workspace(dir, "shop");
        Path config = Files.writeString(dir.resolve("migrator.properties"), "lock=lease\n");
        CliJar.Run run = InProcess.run("migrate", "--url", "jdbc:h2:mem:lock_file;DB_CLOSE_DELAY=-1", "--config",
                config.toString(), "--locations", "filesystem:" + dir.resolve("db/migration"));

        assertThat(run.exitStatus()).as("%s", run).isEqualTo(0);
    }

    @Test
    void theLibrarysPoolerAdvice_namesTheOption() {
        assertThat(CliTerms.of("Connect migrator to the server or to a session-mode pool, or choose the lease lock "
                + "with JdbcTarget.leaseLock()")).endsWith("choose the lease lock with --lock lease");
    }

    @Test
    void theHelp_listsTheOption() {
        assertThat(InProcess.run("migrate", "--help").stdout()).contains("--lock session|lease", "PgBouncer");
    }
}
