package dev.migrator.bench;

import dev.migrator.bench.ChildJvm.Sample;
import dev.migrator.bench.Report.Scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark of issue 7: boot cost and apply throughput of migrator against Flyway, Liquibase and the raw-JDBC
 * floor, every measurement in a fresh JVM. Run with {@code --help} for the options; docs/performance.md has the
 * figures and how to reproduce them.
 *
 * <p>Runs are interleaved (round r runs every tool once, in an order rotated by r), so that load from other work on
 * the machine falls on every tool alike instead of on whichever ran during a busy minute.
 */
public final class BenchRunner {
    private BenchRunner() {
    }

    /** Runs the benchmark; exit status 0 done, 1 a measurement failed, 2 bad usage or no /usr/bin/time. */
    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (Options.UsageException e) {
            System.err.println(e.getMessage() == null ? Options.USAGE : e.getMessage() + "\n\n" + Options.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        if (!Files.isExecutable(Path.of(ChildJvm.TIME))) {
            System.err.println(ChildJvm.TIME + " is missing: it measures each child JVM's peak RSS. Install it with "
                    + "`apt-get install -y time` (Debian/Ubuntu) or `dnf install time` (Fedora/RHEL), then run again.");
            System.exit(2);
            return;
        }
        String password = System.getenv(ChildArgs.PASSWORD_ENV) == null ? "migrator"
                : System.getenv(ChildArgs.PASSWORD_ENV);
        Servers servers = new Servers(o.postgresUrl(), o.mariadbUrl(), o.work().resolve("h2"), o.user(), password);
        ChildJvm jvm = new ChildJvm(servers, o.jvmOptions(), o.work().resolve("logs"));
        Report report = new Report();
        Instant began = Instant.now();
        String loadBefore = Machine.loadAverage();
        String machine = Machine.describe(servers, o.databases(), jvm.classPath());
        System.err.println(machine + "- Load average before: " + loadBefore);
        try {
            for (int n : o.ns()) {
                for (DbKind db : o.databases()) {
                    Path workload = Workload.write(o.work().resolve(db.id + "-" + n), n);
                    applyAndBoot(o, n, db, workload, servers, jvm, report);
                }
            }
            if (o.has("s4") && o.concurrentBatches() > 0) {
                Path workload = Workload.write(o.work().resolve("postgresql-s4-" + o.concurrentN()), o.concurrentN());
                new ConcurrentBoot(o.concurrentJvms(), jvm, servers, report).run(o.tools(), o.concurrentN(),
                        o.concurrentBatches(), workload);
            }
        } catch (ChildJvm.ChildFailed e) {
            System.err.println("A measurement failed, so the run stops: " + e.getMessage());
            System.exit(1);
        }
        String loadAfter = Machine.loadAverage();
        StringBuilder md = new StringBuilder();
        md.append("### Machine\n\n").append(machine)
                .append("- Load average (1, 5, 15 min) before: ").append(loadBefore).append("; after: ")
                .append(loadAfter).append('\n')
                .append("- Started ").append(began).append(", took ")
                .append(Duration.between(began, Instant.now()).toSeconds()).append(" s\n\n");
        for (int n : o.ns()) {
            md.append("### N = ").append(n).append(": S1 apply, S2 no-op boot and S5 validate/info, with their raw "
                            + "floors (S3)\n\n")
                    .append("median (min–max) over the runs shown, each a fresh JVM; ratios are of the medians to raw "
                            + "JDBC on the same database and scenario (S5: to the no-op floor)\n\n")
                    .append(report.table(n)).append('\n');
            md.append(report.cpuSection(n));
        }
        String growth = report.growthTable(o.ns());
        if (!growth.isEmpty()) {
            md.append("### Growth with N (migrate call, medians)\n\n").append(growth).append('\n');
        }
        if (report.hasConcurrent()) {
            md.append("### S4 concurrent boot: ").append(o.concurrentJvms())
                    .append(" JVMs at once on one empty PostgreSQL database\n\n")
                    .append(report.concurrentTable(o.concurrentN())).append('\n');
        }
        for (String note : report.notes()) {
            md.append("- ").append(note).append('\n');
        }
        System.out.println(md);
        if (o.out() != null) {
            Files.writeString(o.out(), md, StandardCharsets.UTF_8);
        }
    }

    private static void applyAndBoot(Options o, int n, DbKind db, Path workload, Servers servers, ChildJvm jvm,
                                     Report report) throws IOException, SQLException, InterruptedException {
        List<Tool> tools = new ArrayList<>(o.tools());
        tools.add(Tool.RAW);
        List<Tool> applyTools = new ArrayList<>(tools);
        if (o.startedRow() && db != DbKind.POSTGRESQL) {
            applyTools.add(Tool.RAW_STARTED);
        }
        boolean after = o.has("s2") || o.has("s5");
        if (o.has("s1") || after) {
            int runs = o.has("s1") ? Math.max(1, Math.max(o.applyRuns(), o.peerApplyRuns())) : 1;
            for (int r = 0; r < runs; r++) {
                for (Tool tool : rotate(applyTools, r)) {
                    // Without S1 one unmeasured apply prepares S2/S5, or none where the tool's apply runs are 0 and
                    // its database already holds all N (a seeded one: SeedPeers).
                    int toolRuns = o.has("s1") ? o.applyRuns(tool) : Math.min(1, o.applyRuns(tool));
                    String name = tool.database(o.dbPrefix() + "_n" + n);
                    // A tool with fewer runs runs in the last rounds, so that the database S2 and S5 use was applied
                    // by that tool's last apply; with none, an earlier run's database is used if it holds all N.
                    if (toolRuns == 0 && r == runs - 1 && !applied(servers, db, name, tool, n)) {
                        toolRuns = 1;
                    }
                    if (r < runs - toolRuns) {
                        continue;
                    }
                    servers.recreate(db, name);
                    Sample s = jvm.run(tool, tool.applyMode(), db, name, workload, tag(n, db, "s1", tool));
                    expect(servers.tally(db, name, tool), n, tool, db, "apply");
                    if (o.has("s1") && r >= runs - o.applyRuns(tool)) {
                        report.add(n, db, Scenario.S1, tool, s);
                    }
                    progress(n, db, "S1", r, runs, tool, s);
                }
            }
        }
        List<Scenario> boots = new ArrayList<>();
        if (o.has("s2")) {
            boots.add(Scenario.S2);
        }
        if (o.has("s5")) {
            boots.add(Scenario.S5_VALIDATE);
            boots.add(Scenario.S5_INFO);
        }
        // S5's floor is S2's raw row: when S2 is not asked for, the floor still runs in no-op mode under S2.
        boolean floorOnly = !o.has("s2") && o.has("s5");
        for (int r = 0; r < o.runs(); r++) {
            for (Scenario scenario : rotate(boots, r)) {
                for (Tool tool : rotate(tools, r)) {
                    if (scenario != Scenario.S2 && tool == Tool.RAW) {
                        continue;
                    }
                    Sample s = jvm.run(tool, scenario.mode, db, tool.database(o.dbPrefix() + "_n" + n), workload,
                            tag(n, db, scenario.mode, tool));
                    if (s.applied() > 0) {
                        throw new ChildJvm.ChildFailed(tool.label + " applied " + s.applied() + " migrations in "
                                + scenario.title + " on " + db.id);
                    }
                    report.add(n, db, scenario, tool, s);
                    progress(n, db, scenario.name(), r, o.runs(), tool, s);
                }
            }
            if (floorOnly) {
                Sample s = jvm.run(Tool.RAW, "noop", db, Tool.RAW.database(o.dbPrefix() + "_n" + n), workload,
                        tag(n, db, "noop", Tool.RAW));
                report.add(n, db, Scenario.S2, Tool.RAW, s);
            }
        }
        if (after) {
            for (Tool tool : tools) {
                expect(servers.tally(db, tool.database(o.dbPrefix() + "_n" + n), tool), n, tool, db, "no-op boot");
            }
        }
    }

    /** Whether {@code tool}'s history in database {@code name} holds each of the N migrations exactly once. */
    private static boolean applied(Servers servers, DbKind db, String name, Tool tool, int n) {
        try {
            Servers.HistoryTally t = servers.tally(db, name, tool);
            return t.distinct() == n && t.duplicates() == 0;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The list turned left by {@code r}: each round starts with another tool. */
    static <T> List<T> rotate(List<T> list, int r) {
        List<T> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(list.get((i + r) % list.size()));
        }
        return out;
    }

    private static void expect(Servers.HistoryTally t, int n, Tool tool, DbKind db, String what)
            throws ChildJvm.ChildFailed {
        if (t.distinct() != n || t.duplicates() != 0) {
            throw new ChildJvm.ChildFailed("after " + what + " of " + tool.label + " on " + db.id + " the history "
                    + "holds " + t.distinct() + " of " + n + " migrations and " + t.duplicates() + " duplicates");
        }
    }

    private static String tag(int n, DbKind db, String scenario, Tool tool) {
        return db.id + "-" + n + "-" + scenario + "-" + tool.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void progress(int n, DbKind db, String scenario, int r, int runs, Tool tool, Sample s) {
        System.err.printf("[%s N=%d %s %d/%d] %-18s migrate %8.1f ms  process %8.1f ms  CPU %8.1f ms  RSS %6.1f MB  "
                        + "load %s  JIT %6.0f ms  GC %5.0f ms%n", db.id, n, scenario, r + 1, runs, tool.label,
                s.migrateMillis(), s.wallMillis(), s.cpuMillis(), s.peakRssKb() / 1024.0, Machine.loadAverage(),
                s.jitCpuMillis(), s.gcCpuMillis());
    }
}
