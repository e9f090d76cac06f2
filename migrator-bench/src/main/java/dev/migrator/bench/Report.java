package dev.migrator.bench;

import dev.migrator.bench.ChildJvm.Sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The figures: per database, scenario and tool, the median (min–max) of each measurement, and the ratio of the
 * medians to the raw floor's on the same database. Printed as Markdown.
 */
final class Report {
    /** The scenarios of issue 7. S3 (the raw floor) is reported in the rows of S1 and S2 it is the floor of. */
    enum Scenario {
        S1("S1 apply all N to an empty schema", "apply"),
        S2("S2 no-op boot (all N applied)", "noop"),
        S5_VALIDATE("S5 validate() (all N applied)", "validate"),
        S5_INFO("S5 info() (all N applied)", "info");

        final String title;
        /** The child's mode argument. */
        final String mode;

        Scenario(String title, String mode) {
            this.title = title;
            this.mode = mode;
        }

        /** Whose raw rows are the floor: S5's is the no-op floor (read the history, read and hash the scripts). */
        Scenario floor() {
            return this == S1 ? S1 : S2;
        }
    }

    private record Key(int n, DbKind db, Scenario scenario, Tool tool) {
    }

    /** One concurrent-boot batch. */
    record ConcurrentBatch(Tool tool, int jvms, int succeeded, int distinct, int duplicates, int expected,
                           double wallMillis) {
    }

    private final Map<Key, List<Sample>> samples = new LinkedHashMap<>();
    private final List<ConcurrentBatch> batches = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(int n, DbKind db, Scenario scenario, Tool tool, Sample sample) {
        samples.computeIfAbsent(new Key(n, db, scenario, tool), k -> new ArrayList<>()).add(sample);
    }

    void add(ConcurrentBatch batch) {
        batches.add(batch);
    }

    /** Something a reader of the figures must know, such as a child that failed. */
    void note(String text) {
        notes.add(text);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    boolean hasConcurrent() {
        return !batches.isEmpty();
    }

    /** The S1 and S2 table. */
    String table(int n) {
        StringBuilder md = new StringBuilder();
        md.append("| database | scenario (N=").append(n).append(") | tool | runs | migrate call ms | process ms "
                        + "| process CPU ms | peak RSS MB | × floor: migrate call | × floor: process | × floor: CPU "
                        + "| × floor: RSS |\n")
                .append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<Key, List<Sample>> e : samples.entrySet()) {
            Key k = e.getKey();
            if (k.n != n) {
                continue;
            }
            List<Sample> s = e.getValue();
            List<Sample> floor = samples.get(new Key(n, k.db, k.scenario.floor(), Tool.RAW));
            md.append("| ").append(k.db.id).append(" | ").append(k.scenario.title).append(" | ")
                    .append(k.tool.isFloor() ? "*" + k.tool.label + (k.scenario == Scenario.S1 ? " (S3)" : "") + "*"
                            : "**" + k.tool.label + "**")
                    .append(" | ").append(s.size())
                    .append(" | ").append(spread(s, Sample::migrateMillis, 0))
                    .append(" | ").append(spread(s, Sample::wallMillis, 0))
                    .append(" | ").append(spread(s, Sample::cpuMillis, 0))
                    .append(" | ").append(spread(s, x -> x.peakRssKb() / 1024.0, 1))
                    .append(" | ").append(ratio(s, floor, Sample::migrateMillis))
                    .append(" | ").append(ratio(s, floor, Sample::wallMillis))
                    .append(" | ").append(ratio(s, floor, Sample::cpuMillis))
                    .append(" | ").append(ratio(s, floor, x -> (double) x.peakRssKb()))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** {@link #cpuTable} under its heading and what it shows; empty when the table is. */
    String cpuSection(int n) {
        String table = cpuTable(n);
        return table.isEmpty() ? "" : "#### Where the CPU goes, N = " + n + "\n\n"
                + "process CPU split into the JIT compiler threads (C1 and C2), the GC threads, and the rest (the tool's "
                + "code, the driver, class loading; for H2 the database too), medians; the JIT and GC figures are as of "
                + "the end of the migrate call; per round: the median (min–max) over the rounds of the tool's process CPU "
                + "over the floor's in the same round (a round runs every tool once, one after the other, so a busy "
                + "minute of the machine falls on both sides of each ratio)\n\n" + table + "\n";
    }

    /**
     * The process CPU of each cell split into the JIT's, the GC's and the rest, with the rest's and the JIT's ratios
     * to the floor's; empty when no child said (an older child, or not Linux).
     */
    String cpuTable(int n) {
        StringBuilder md = new StringBuilder();
        md.append("| database | scenario (N=").append(n).append(") | tool | process CPU ms | JIT ms | GC ms | the rest ms "
                        + "| × floor: JIT | × floor: the rest | × floor: CPU per round |\n")
                .append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        boolean any = false;
        for (Map.Entry<Key, List<Sample>> e : samples.entrySet()) {
            Key k = e.getKey();
            List<Sample> s = e.getValue().stream().filter(x -> !Double.isNaN(x.jitCpuMillis())).toList();
            if (k.n != n || s.isEmpty()) {
                continue;
            }
            any = true;
            List<Sample> floor = samples.getOrDefault(new Key(n, k.db, k.scenario.floor(), Tool.RAW), List.of())
                    .stream().filter(x -> !Double.isNaN(x.jitCpuMillis())).toList();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.0f | %.0f | %.0f | %s | %s | %s |%n", k.db.id,
                    k.scenario.title, k.tool.isFloor() ? "*" + k.tool.label + "*" : "**" + k.tool.label + "**",
                    median(s.stream().map(Sample::cpuMillis).toList()),
                    median(s.stream().map(Sample::jitCpuMillis).toList()),
                    median(s.stream().map(Sample::gcCpuMillis).toList()),
                    median(s.stream().map(Sample::ownCpuMillis).toList()),
                    ratio(s, floor, Sample::jitCpuMillis), ratio(s, floor, Sample::ownCpuMillis),
                    k.tool.isFloor() ? "–" : perRound(e.getValue(), samples.get(new Key(n, k.db, k.scenario.floor(),
                            Tool.RAW)))));
        }
        return any ? md.toString() : "";
    }

    /**
     * How each figure grew from the smallest N to the largest: the ratios of the medians of the migrate call and of
     * the process CPU, against the ratio of the N's (growth up to it is linear). Empty with one N.
     */
    String growthTable(List<Integer> ns) {
        if (ns.size() < 2) {
            return "";
        }
        int small = ns.get(0);
        int large = ns.get(ns.size() - 1);
        StringBuilder md = new StringBuilder();
        md.append("| database | scenario | tool | migrate call ms at N=").append(small).append(" | at N=").append(large)
                .append(" | grew × (N grew ×").append(large / small).append(") | process CPU ms at N=").append(small)
                .append(" | at N=").append(large).append(" | grew × | CPU µs per migration at N=").append(large)
                .append(" |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<Key, List<Sample>> e : samples.entrySet()) {
            Key k = e.getKey();
            List<Sample> big = samples.get(new Key(large, k.db, k.scenario, k.tool));
            if (k.n != small || big == null) {
                continue;
            }
            double a = median(e.getValue().stream().map(Sample::migrateMillis).toList());
            double b = median(big.stream().map(Sample::migrateMillis).toList());
            double ca = median(e.getValue().stream().map(Sample::cpuMillis).toList());
            double cb = median(big.stream().map(Sample::cpuMillis).toList());
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f | %.0f |%n",
                    k.db.id, k.scenario.title, k.tool.isFloor() ? "*" + k.tool.label + "*" : "**" + k.tool.label + "**",
                    a, b, b / a, ca, cb, cb / ca, cb * 1000 / large));
        }
        return md.toString();
    }

    /** The S4 table: per tool, JVMs that succeeded and what the history says afterwards. */
    String concurrentTable(int n) {
        StringBuilder md = new StringBuilder();
        md.append("| tool | batches (N=").append(n).append(") | JVMs that succeeded | migrations applied "
                        + "exactly once | duplicate applications | missing | batch wall ms |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        Map<Tool, List<ConcurrentBatch>> byTool = new LinkedHashMap<>();
        for (ConcurrentBatch b : batches) {
            byTool.computeIfAbsent(b.tool(), t -> new ArrayList<>()).add(b);
        }
        for (Map.Entry<Tool, List<ConcurrentBatch>> e : byTool.entrySet()) {
            List<ConcurrentBatch> list = e.getValue();
            int jvms = list.stream().mapToInt(ConcurrentBatch::jvms).sum();
            int ok = list.stream().mapToInt(ConcurrentBatch::succeeded).sum();
            int dups = list.stream().mapToInt(ConcurrentBatch::duplicates).sum();
            int missing = list.stream().mapToInt(b -> b.expected() - b.distinct()).sum();
            int once = list.stream().mapToInt(b -> b.distinct()).sum();
            int expected = list.stream().mapToInt(ConcurrentBatch::expected).sum();
            md.append("| **").append(e.getKey().label).append("** | ").append(list.size())
                    .append(" | ").append(ok).append(" / ").append(jvms)
                    .append(" | ").append(once).append(" / ").append(expected)
                    .append(" | ").append(dups)
                    .append(" | ").append(missing)
                    .append(" | ").append(spreadOf(list.stream().map(ConcurrentBatch::wallMillis).toList(), 0))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** Median of one figure of a cell. */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    private static String spread(List<Sample> s, ToDoubleFunction<Sample> f, int decimals) {
        return spreadOf(s.stream().map(f::applyAsDouble).toList(), decimals);
    }

    private static String spreadOf(List<Double> values, int decimals) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " (" + f + "–" + f + ")", median(values), min, max);
    }

    /**
     * The median (min–max) of the tool's process CPU over the floor's, round by round: the i-th sample of each was
     * taken in the same round (see {@link BenchRunner}). A cell whose runs do not pair up with the floor's (fewer
     * runs, a failed child, S5 against S2's floor with another count) shows "–".
     */
    static String perRound(List<Sample> s, List<Sample> floor) {
        if (floor == null || floor.isEmpty() || floor.size() != s.size()) {
            return "–";
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            ratios.add(s.get(i).cpuMillis() / floor.get(i).cpuMillis());
        }
        return spreadOf(ratios, 2).replace(" (", "× (");
    }

    private static String ratio(List<Sample> s, List<Sample> floor, ToDoubleFunction<Sample> f) {
        if (floor == null || floor.isEmpty()) {
            return "–";
        }
        double r = median(s.stream().map(f::applyAsDouble).toList())
                / median(floor.stream().map(f::applyAsDouble).toList());
        return String.format(Locale.ROOT, "%.2f×", r);
    }
}
