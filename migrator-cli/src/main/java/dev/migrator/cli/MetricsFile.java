package dev.migrator.cli;

import dev.migrator.api.MigrationEvent;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.MigrationListener;
import dev.migrator.api.MigratorException;
import dev.migrator.api.RunEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --metrics-file}: the figures of one CLI run in Prometheus text format, for node_exporter's textfile collector
 * (the usual route for batch jobs). The names and tags are those of migrator-micrometer ({@code migrator_migration_
 * seconds}, {@code migrator_run_seconds}, {@code migrator_lock_wait_seconds}, {@code migrator_pending},
 * {@code migrator_version}), so one dashboard and one set of alert rules read both; the counts are those of this run.
 * The file is replaced atomically, so the collector never reads half of it.
 */
final class MetricsFile implements MigrationListener {
    private final Path file;
    private final Clock clock;
    private final List<String[]> migrations = new ArrayList<>();
    private String target;
    private String runOutcome;
    private Duration runDuration = Duration.ZERO;
    private Duration lockWait;
    private int pending = -1;
    private String version;

    /** @param file where {@link #write()} writes, or {@code null} when the figures are only pushed */
    MetricsFile(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public void afterMigration(MigrationEvent event) {
        add(event, "SUCCESS");
    }

    @Override
    public void onFailure(MigrationEvent event, MigratorException error) {
        add(event, error instanceof MigrationFailedException f && f.leftChanges() ? "FAILED" : "REVERTED");
    }

    private void add(MigrationEvent event, String outcome) {
        target = event.target();
        String script = event.script().toLowerCase(Locale.ROOT);
        String type = script.endsWith(".sql") ? "SQL" : script.endsWith(".json") ? "JSON" : "JAVA";
        migrations.add(new String[] {event.version() == null ? "repeatable" : event.version(), type, event.action(),
                outcome, seconds(event.duration())});
    }

    @Override
    public void afterLockWait(String target, Duration waited) {
        lockWait = waited;
    }

    @Override
    public void afterRun(RunEvent event, MigratorException error) {
        if (target == null || error == null) {
            target = event.target();
        }
        runOutcome = error == null ? "SUCCESS" : "FAILED";
        runDuration = event.duration();
        pending = event.pending();
        version = error == null ? (event.versionAfter() == null ? "none" : event.versionAfter()) : null;
    }

    /** Writes the file, when a run (migrate or rollback) took place; other commands leave it as it was. */
    void write() {
        String text = text();
        if (text == null || file == null) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".migrator-metrics", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the metrics file " + file + ": " + e.getMessage()
                    + "; check that its directory exists and is writable", e);
        }
    }

    /** The run's figures in Prometheus text format, or {@code null} when no run (migrate or rollback) took place. */
    String text() {
        if (runOutcome == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        String t = "target=\"" + escape(target) + "\"";
        text.append("# HELP migrator_migration_seconds Migrations of the last run, by version, type, action and outcome.\n")
                .append("# TYPE migrator_migration_seconds summary\n");
        for (String[] m : migrations) {
            String labels = "{action=\"" + m[2] + "\",outcome=\"" + m[3] + "\"," + t + ",type=\"" + m[1]
                    + "\",version=\"" + escape(m[0]) + "\"}";
            text.append("migrator_migration_seconds_count").append(labels).append(" 1\n");
            text.append("migrator_migration_seconds_sum").append(labels).append(' ').append(m[4]).append('\n');
        }
        // Micrometer's Prometheus registry adds a _max gauge to each timer; the dashboard's duration panels read it.
        if (!migrations.isEmpty()) {
            text.append("# HELP migrator_migration_seconds_max The longest migration of the last run, by its tags.\n")
                    .append("# TYPE migrator_migration_seconds_max gauge\n");
            for (String[] m : migrations) {
                text.append("migrator_migration_seconds_max{action=\"").append(m[2]).append("\",outcome=\"")
                        .append(m[3]).append("\",").append(t).append(",type=\"").append(m[1]).append("\",version=\"")
                        .append(escape(m[0])).append("\"} ").append(m[4]).append('\n');
            }
        }
        text.append("# HELP migrator_run_seconds The last run.\n# TYPE migrator_run_seconds summary\n");
        String run = "{outcome=\"" + runOutcome + "\"," + t + "}";
        text.append("migrator_run_seconds_count").append(run).append(" 1\n");
        text.append("migrator_run_seconds_sum").append(run).append(' ').append(seconds(runDuration)).append('\n');
        if (lockWait != null) {
            text.append("# HELP migrator_lock_wait_seconds The wait for another instance's lock.\n")
                    .append("# TYPE migrator_lock_wait_seconds summary\n")
                    .append("migrator_lock_wait_seconds_count{").append(t).append("} 1\n")
                    .append("migrator_lock_wait_seconds_sum{").append(t).append("} ").append(seconds(lockWait))
                    .append('\n')
                    .append("# HELP migrator_lock_wait_seconds_max The wait for another instance's lock.\n")
                    .append("# TYPE migrator_lock_wait_seconds_max gauge\n")
                    .append("migrator_lock_wait_seconds_max{").append(t).append("} ").append(seconds(lockWait))
                    .append('\n');
        }
        if (pending >= 0) {
            text.append("# HELP migrator_pending Migrations pending or failed after the last run.\n")
                    .append("# TYPE migrator_pending gauge\nmigrator_pending{").append(t).append("} ")
                    .append(pending).append('\n');
        }
        if (version != null) {
            text.append("# HELP migrator_version The highest applied version (value 1, version in a tag).\n")
                    .append("# TYPE migrator_version gauge\nmigrator_version{").append(t).append(",version=\"")
                    .append(escape(version)).append("\"} 1\n");
        }
        text.append("# HELP migrator_last_run_timestamp_seconds When the last run ended.\n")
                .append("# TYPE migrator_last_run_timestamp_seconds gauge\nmigrator_last_run_timestamp_seconds{")
                .append(t).append("} ").append(clock.millis() / 1000).append('\n');
        return text.toString();
    }

    /** The target the run's figures are about, for the Pushgateway's grouping key. */
    String target() {
        return target;
    }

    private static String seconds(Duration d) {
        return String.valueOf(d.toNanos() / 1e9);
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
