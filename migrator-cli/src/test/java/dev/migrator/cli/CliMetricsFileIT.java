package dev.migrator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --metrics-file}: the run's figures in Prometheus text format, under migrator-micrometer's names. */
class CliMetricsFileIT {
    @TempDir
    Path dir;

    @Test
    void migrate_writesTheRunsMetrics_inPrometheusTextFormat() throws Exception {
        Fixtures.workspace(dir, "shop");
        Path file = dir.resolve("textfile/migrator.prom");

        CliJar.Run run = CliJar.run(dir, Map.of(), "migrate", "--url", Fixtures.h2Url(dir), "--metrics-file",
                file.toString());

        assertThat(run.exitStatus()).as("%s", run).isZero();
        String text = Files.readString(file);
        assertThat(text)
                .containsPattern("(?m)^migrator_migration_seconds_count\\{action=\"APPLY\",outcome=\"SUCCESS\","
                        + "target=\"[^\"]+\",type=\"SQL\",version=\"1\"} 1$")
                .containsPattern("(?m)^migrator_run_seconds_count\\{outcome=\"SUCCESS\",target=\"[^\"]+\"} 1$")
                .containsPattern("(?m)^migrator_pending\\{target=\"[^\"]+\"} 0$")
                .containsPattern("(?m)^migrator_version\\{target=\"[^\"]+\",version=\"3\"} 1$");
        Path promtool = Paths.get("/usr/bin/promtool");
        if (Files.isExecutable(promtool)) {
            Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(file.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(out).isZero();
        } else {
            System.err.println("SKIPPED: promtool check metrics (promtool is not installed)");
        }
    }
}
