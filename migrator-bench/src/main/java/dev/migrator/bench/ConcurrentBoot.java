package dev.migrator.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * S4: several JVMs (8 by default) boot at once against one empty PostgreSQL database, as the replicas of a service
 * do after a deploy. Every one must succeed, and afterwards the history must show every migration applied exactly once.
 */
final class ConcurrentBoot {
    private final int jvms;
    private final ChildJvm jvm;
    private final Servers servers;
    private final Report report;

    ConcurrentBoot(int jvms, ChildJvm jvm, Servers servers, Report report) {
        this.jvms = jvms;
        this.jvm = jvm;
        this.servers = servers;
        this.report = report;
    }

    void run(List<Tool> tools, int n, int batches, Path workload) throws IOException, SQLException,
            InterruptedException {
        for (int b = 0; b < batches; b++) {
            for (Tool tool : BenchRunner.rotate(tools, b)) {
                String name = tool.database("bench_s4");
                servers.recreate(DbKind.POSTGRESQL, name);
                List<ChildJvm.Running> running = new ArrayList<>();
                long start = System.nanoTime();
                for (int j = 0; j < jvms; j++) {
                    running.add(jvm.start(tool, tool.applyMode(), DbKind.POSTGRESQL, name, workload,
                            "postgresql-s4-" + tool.name().toLowerCase(java.util.Locale.ROOT) + "-b" + (b + 1) + "-"
                                    + (j + 1)));
                }
                int ok = 0;
                for (int j = 0; j < jvms; j++) {
                    try {
                        running.get(j).await();
                        ok++;
                    } catch (ChildJvm.ChildFailed e) {
                        report.note("S4 " + tool.label + ", batch " + (b + 1) + ", JVM " + (j + 1) + ": "
                                + firstLines(e.getMessage()));
                    }
                }
                double wall = (System.nanoTime() - start) / 1e6;
                Servers.HistoryTally tally;
                try {
                    tally = servers.tally(DbKind.POSTGRESQL, name, tool);
                } catch (SQLException e) {
                    tally = new Servers.HistoryTally(0, 0);
                }
                report.add(new Report.ConcurrentBatch(tool, jvms, ok, tally.distinct(), tally.duplicates(), n, wall));
                System.err.printf("[S4 batch %d/%d] %s: %d/%d JVMs succeeded, %d/%d applied once, %d duplicates, "
                        + "%.0f ms%n", b + 1, batches, tool.label, ok, jvms, tally.distinct(), n, tally.duplicates(),
                        wall);
            }
        }
    }

    private static String firstLines(String message) {
        String[] lines = message.split("\n");
        StringBuilder sb = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].trim();
            if (l.contains("Exception") || l.contains("ERROR") || l.contains("rror:")) {
                sb.append(" — ").append(l.length() > 300 ? l.substring(0, 300) + "…" : l);
                break;
            }
        }
        return sb.toString();
    }
}
