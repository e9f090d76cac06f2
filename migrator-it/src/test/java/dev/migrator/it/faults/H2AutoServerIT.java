package dev.migrator.it.faults;

import dev.migrator.it.MigrateMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13 item 4: JVMs booting together on one H2 file with {@code AUTO_SERVER=TRUE}. The one that opens the file
 * serves the others; those that connect while it is being opened or handed over are refused for a moment ("Lock
 * file recently modified", "Locked by another process"), which migrator retries for up to 30 s. Every JVM exits 0
 * and each migration is applied once.
 */
class H2AutoServerIT {
    private static final int INSTANCES = 6;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void jvmsBootingTogetherOnAnAutoServerFile_allMigrate_eachMigrationOnce() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("V1__Log.sql"), "CREATE TABLE applied_log (version INT);\n");
        for (int v = 2; v <= 6; v++) {
            Files.writeString(scripts.resolve("V" + v + "__Step.sql"), "INSERT INTO applied_log VALUES (" + v + ");\n");
        }
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(),
                    url, "sa", "", "filesystem:" + scripts)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("jvm-" + i + ".log").toFile()).start());
        }
        for (int i = 0; i < INSTANCES; i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("exit status of JVM %d:%n%s", i,
                    Files.readString(dir.resolve("jvm-" + i + ".log"))).isZero();
        }

        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT version) FROM applied_log")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(5);
            assertThat(rs.getInt(2)).isEqualTo(5);
        }
    }
}
