package dev.migrator.cli;

import dev.migrator.api.MigrationEvent;
import dev.migrator.api.RunEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --metrics-file} writes "the same figures" as the application's Micrometer metrics (issue 16): every series
 * that docs/observability's dashboard and alert rules read is in it, so a batch job's file fills the same panels.
 */
class MetricsFileTest {
    private static final Pattern METRIC = Pattern.compile("\\bmigrator_[a-z_]+");

    @Test
    void afterARunThatWaitedForTheLock_everySeriesTheDashboardAndRulesRead_isInTheFile() throws IOException {
        MetricsFile file = new MetricsFile(null, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        String target = "PostgreSQL 15 at jdbc:postgresql://db/app";
        file.afterLockWait(target, Duration.ofSeconds(3));
        file.afterMigration(new MigrationEvent("run", "APPLY", "1", "Create", "V1__Create.sql", target,
                Duration.ofMillis(250)));
        file.afterRun(new RunEvent("run", "migrate", target, null, "1", 1, 0, Duration.ofSeconds(4)), null);
        String text = file.text();

        Set<String> read = new TreeSet<>();
        for (String name : new String[] {"migrator-dashboard.json", "migrator-alerts.yml"}) {
            Matcher m = METRIC.matcher(Files.readString(DocumentedKeys.docs().resolve("observability").resolve(name)));
            while (m.find()) {
                read.add(m.group());
            }
        }
        // A wait still going on: written when the run ends, the file cannot show it (docs/observability.md says so).
        read.remove("migrator_lock_wait_active_seconds_max");

        assertThat(read).isNotEmpty().allSatisfy(metric -> assertThat(text).as("the metrics file")
                .containsPattern("(?m)^" + metric + "\\{"));
        assertThat(text).contains("migrator_migration_seconds_max{action=\"APPLY\",outcome=\"SUCCESS\",target=\""
                + target + "\",type=\"SQL\",version=\"1\"} 0.25\n", "migrator_lock_wait_seconds_max{target=\""
                + target + "\"} 3.0\n");
    }
}
