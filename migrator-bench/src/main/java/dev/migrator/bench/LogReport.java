package dev.migrator.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report rebuilt from the runner's progress lines (its standard error), for a run that was stopped before it
 * printed its tables: {@code java -cp migrator-bench.jar dev.migrator.bench.LogReport run.log...}. Every progress line
 * is one measurement; peak RSS comes back rounded to 0.1 MB.
 */
public final class LogReport {
    private static final Pattern LINE = Pattern.compile("^\\[(\\S+) N=(\\d+) (\\S+) \\d+/\\d+\\] (.+?)\\s+migrate\\s+"
            + "([\\d.]+) ms\\s+process\\s+([\\d.]+) ms\\s+CPU\\s+([\\d.]+) ms\\s+RSS\\s+([\\d.]+) MB"
            + "(?:.*?JIT\\s+([\\d.]+|NaN) ms\\s+GC\\s+([\\d.]+|NaN) ms)?");

    private LogReport() {
    }

    /** Prints the tables of the progress lines in the given files. */
    public static void main(String[] args) throws Exception {
        Report report = new Report();
        TreeSet<Integer> ns = new TreeSet<>();
        for (String file : args) {
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                Integer n = add(report, line);
                if (n != null) {
                    ns.add(n);
                }
            }
        }
        StringBuilder md = new StringBuilder();
        for (int n : ns) {
            md.append("### N = ").append(n).append("\n\n").append(report.table(n)).append('\n');
            md.append(report.cpuSection(n));
        }
        String growth = report.growthTable(new ArrayList<>(ns));
        if (!growth.isEmpty()) {
            md.append("### Growth with N (migrate call, medians)\n\n").append(growth);
        }
        System.out.print(md);
    }

    /** Adds the measurement of one progress line; returns its N, or null when the line is not one. */
    static Integer add(Report report, String line) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            return null;
        }
        int n = Integer.parseInt(m.group(2));
        Report.Scenario scenario = m.group(3).equals("S1") ? Report.Scenario.S1 : Report.Scenario.valueOf(m.group(3));
        Tool tool = null;
        for (Tool t : Tool.values()) {
            if (t.label.equals(m.group(4).trim())) {
                tool = t;
            }
        }
        if (tool == null) {
            throw new IllegalArgumentException("unknown tool in: " + line);
        }
        report.add(n, DbKind.of(m.group(1)), scenario, tool, new ChildJvm.Sample(Double.parseDouble(m.group(5)),
                Double.parseDouble(m.group(6)), Double.parseDouble(m.group(7)),
                Math.round(Double.parseDouble(m.group(8)) * 1024), 0,
                m.group(9) == null ? Double.NaN : Double.parseDouble(m.group(9)),
                m.group(10) == null ? Double.NaN : Double.parseDouble(m.group(10))));
        return n;
    }

    /** For tests: the report of some lines. */
    static Report of(List<String> lines) {
        Report report = new Report();
        lines.forEach(l -> add(report, l));
        return report;
    }
}
