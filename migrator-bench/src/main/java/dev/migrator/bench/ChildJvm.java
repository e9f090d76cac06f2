package dev.migrator.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts one measurement: a fresh JVM ({@code java -cp <that tool's jars> dev.migrator.bench.<Tool>Main ...}),
 * wrapped in {@code /usr/bin/time -v} for its peak RSS and CPU time (user + system, all its threads). The whole-process wall time is measured here, from just
 * before the start to the exit; the child reports the time of its migrate call. Its output goes to files under the
 * log directory (the last run of each cell is kept there for reading).
 */
final class ChildJvm {
    static final String TIME = "/usr/bin/time";
    private static final long TIMEOUT_MINUTES = 30;

    private final Servers servers;
    private final List<String> classPath;
    private final List<String> jvmOptions;
    private final Path logDir;

    ChildJvm(Servers servers, List<String> jvmOptions, Path logDir) throws IOException {
        this.servers = servers;
        this.classPath = benchClassPath();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logDir = Files.createDirectories(logDir);
    }

    /** The full class path the children's are cut from. */
    List<String> classPath() {
        return classPath;
    }

    /**
     * One finished measurement. {@code applied} is what the child reported (-1: the tool does not say);
     * {@code jitCpuMillis} and {@code gcCpuMillis} are its JIT compiler threads' and GC threads' CPU time when it
     * reported (NaN where unknown).
     */
    record Sample(double migrateMillis, double wallMillis, double cpuMillis, long peakRssKb, int applied,
                  double jitCpuMillis, double gcCpuMillis) {
        Sample(double migrateMillis, double wallMillis, double cpuMillis, long peakRssKb, int applied) {
            this(migrateMillis, wallMillis, cpuMillis, peakRssKb, applied, Double.NaN, Double.NaN);
        }

        /** The process CPU time less the JIT's and the GC's: the work of the tool's code (and the driver's). */
        double ownCpuMillis() {
            return cpuMillis - jitCpuMillis - gcCpuMillis;
        }
    }

    /** A started child. */
    final class Running {
        private final Process process;
        private final long startNanos;
        private final Path out;
        private final Path err;
        private final Path time;
        private final String what;

        private Running(Process process, long startNanos, Path out, Path err, Path time, String what) {
            this.process = process;
            this.startNanos = startNanos;
            this.out = out;
            this.err = err;
            this.time = time;
            this.what = what;
        }

        /** Waits for the exit; throws {@link ChildFailed} when the child failed. */
        Sample await() throws IOException, InterruptedException {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ChildFailed(what + " did not finish within " + TIMEOUT_MINUTES + " minutes; see " + err);
            }
            double wall = (System.nanoTime() - startNanos) / 1e6;
            if (process.exitValue() != 0) {
                throw new ChildFailed(what + " exited with " + process.exitValue() + "; see " + err + ":\n"
                        + tail(err, 12));
            }
            String result = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith(ChildArgs.RESULT)).findFirst()
                    .orElseThrow(() -> new ChildFailed(what + " printed no result line; see " + out));
            double migrate = Double.parseDouble(field(result, "migrate_ms"));
            int applied = Integer.parseInt(field(result, "applied"));
            List<String> timeLines = Files.readAllLines(time, StandardCharsets.UTF_8);
            double cpu = (timeField(timeLines, "User time (seconds):") + timeField(timeLines, "System time (seconds):"))
                    * 1000;
            return new Sample(migrate, wall, cpu, (long) timeField(timeLines, "Maximum resident set size (kbytes):"),
                    applied, optionalField(result, "jit_cpu_ms"), optionalField(result, "gc_cpu_ms"));
        }
    }

    /** A child that exited with an error, or printed no result. */
    static final class ChildFailed extends IOException {
        private static final long serialVersionUID = 1L;

        ChildFailed(String message) {
            super(message);
        }
    }

    /** Starts {@code tool} in {@code mode} on database {@code name}; {@code tag} names its log files. */
    Running start(Tool tool, String mode, DbKind kind, String name, Path workload, String tag) throws IOException {
        List<String> cmd = new ArrayList<>();
        Path time = logDir.resolve(tag + ".time");
        cmd.addAll(List.of(TIME, "-v", "-o", time.toString()));
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        if (tool == Tool.LIQUIBASE) {
            // This machine has no internet: Liquibase's anonymous analytics would only wait for a connection timeout.
            cmd.add("-Dliquibase.analytics.enabled=false");
        }
        cmd.addAll(List.of("-cp", classPathFor(tool), tool.main.getName(), mode, servers.url(kind, name),
                servers.user(), tool.scripts(workload).toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put(ChildArgs.PASSWORD_ENV, servers.password());
        pb.environment().put("REDGATE_DISABLE_TELEMETRY", "true");
        Path out = logDir.resolve(tag + ".out");
        Path err = logDir.resolve(tag + ".log");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        long start = System.nanoTime();
        return new Running(pb.start(), start, out, err, time, tool.label + " " + mode + " on " + kind.id);
    }

    /** Runs one child to its end. */
    Sample run(Tool tool, String mode, DbKind kind, String name, Path workload, String tag)
            throws IOException, InterruptedException {
        return start(tool, mode, kind, name, workload, tag).await();
    }

    /** The bench classes first, then every jar except those only other tools use. */
    private String classPathFor(Tool tool) {
        List<String> cp = new ArrayList<>();
        for (String entry : classPath) {
            String file = Path.of(entry).getFileName().toString();
            boolean foreign = false;
            for (Tool other : Tool.values()) {
                if (other != tool && other.ownJars.stream().anyMatch(file::startsWith)) {
                    foreign = true;
                }
            }
            if (!foreign) {
                cp.add(entry);
            }
        }
        return String.join(File.pathSeparator, cp);
    }

    /** From {@code java -jar migrator-bench.jar}: the jar and {@code lib/}; otherwise the runner's class path. */
    private static List<String> benchClassPath() throws IOException {
        Path self;
        try {
            self = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the bench classes", e);
        }
        Path lib = self.resolveSibling("lib");
        if (Files.isRegularFile(self) && Files.isDirectory(lib)) {
            List<String> cp = new ArrayList<>();
            cp.add(self.toString());
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(p -> p.toString().endsWith(".jar")).sorted(Comparator.naturalOrder())
                        .forEach(p -> cp.add(p.toString()));
            }
            return cp;
        }
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    private static String field(String line, String key) throws ChildFailed {
        String value = valueOf(line, key);
        if (value == null) {
            throw new ChildFailed("no " + key + " in '" + line + "'");
        }
        return value;
    }

    /** A number of the result line that an older child does not print, or a negative one: NaN then. */
    private static double optionalField(String line, String key) {
        String value = valueOf(line, key);
        double v = value == null ? -1 : Double.parseDouble(value);
        return v < 0 ? Double.NaN : v;
    }

    private static String valueOf(String line, String key) {
        for (String part : line.substring(ChildArgs.RESULT.length()).trim().split("\\s+")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return null;
    }

    /** A number from the report of {@code /usr/bin/time -v}. */
    private static double timeField(List<String> lines, String label) throws ChildFailed {
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith(label)) {
                return Double.parseDouble(t.substring(label.length()).trim());
            }
        }
        throw new ChildFailed("no '" + label + "' in the output of " + TIME + " -v");
    }

    private static String tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
