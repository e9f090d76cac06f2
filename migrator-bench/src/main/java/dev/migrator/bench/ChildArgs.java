package dev.migrator.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the runner hands a child JVM: {@code <mode> <jdbc-url> <user> <scripts-dir>}, and the password in the
 * environment (never on the command line, where {@code ps} shows it). Each child prints one result line on standard
 * output: {@code BENCH migrate_ms=<ms> applied=<count> jit_cpu_ms=<ms> gc_cpu_ms=<ms>}: the time of its migrate call
 * alone, and the CPU time the JVM's compiler threads and its garbage collector's threads had used by then (-1 where
 * the system does not say).
 */
record ChildArgs(String mode, String url, String user, Path scripts) {
    /** The environment variable holding the database password. */
    static final String PASSWORD_ENV = "MIGRATOR_BENCH_PASSWORD";
    /** The result line's prefix. */
    static final String RESULT = "BENCH ";

    static ChildArgs parse(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: <apply|noop|validate|info> <jdbc-url> <user> <scripts-dir>");
        }
        return new ChildArgs(args[0], args[1], args[2], Path.of(args[3]));
    }

    /** The password, or the local test servers' default. */
    static String password() {
        String p = System.getenv(PASSWORD_ENV);
        return p == null ? "migrator" : p;
    }

    /**
     * Starts SLF4J and its binding (slf4j-simple) and logs one line, as a service has done long before it calls its
     * migration tool. Every child calls this before its timed part, the floor included, so no tool's migrate call
     * pays for starting the logging that the floor would not pay (the process time includes it for every child).
     */
    static void startLogging(String tool) {
        org.slf4j.LoggerFactory.getLogger("dev.migrator.bench.Service").info("service starting; {} next", tool);
    }

    /** Prints the result line; {@code applied} is -1 where the tool does not say. */
    static void report(long startNanos, int applied) {
        double millis = (System.nanoTime() - startNanos) / 1e6;
        long[] jvm = jvmThreadsCpuMillis();
        System.out.println(String.format(Locale.ROOT, "%smigrate_ms=%.1f applied=%d jit_cpu_ms=%d gc_cpu_ms=%d", RESULT,
                millis, applied, jvm[0], jvm[1]));
        System.out.flush();
    }

    /** Set (to anything) in a child's environment, it lists every thread's CPU time on standard error. */
    static final String THREADS_ENV = "MIGRATOR_BENCH_THREADS";

    /**
     * The CPU time so far of this JVM's JIT compiler threads and of its GC threads, in ms, from Linux's
     * {@code /proc/self/task/<id>/stat} (named by the thread's name, which the JVM sets: {@code C1 CompilerThread0},
     * {@code C2 CompilerThread0}, {@code GC Thread#0}, {@code G1 Conc#0}, {@code G1 Refine#0}, ...); {-1, -1} elsewhere.
     * What a tool's own code costs is the process's CPU minus these: the floor compiles and collects too, but
     * every method a tool runs often enough is compiled, once, by threads that share the two cores with everything.
     */
    static long[] jvmThreadsCpuMillis() {
        // How docs/performance.md's ninth slice split an apply into its main thread and its compiler threads.
        boolean listThreads = System.getenv(THREADS_ENV) != null;
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new long[] {-1, -1};
        }
        long jit = 0;
        long gc = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path t : threads) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (IOException ended) {
                    continue; // the thread ended while listed
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime, fields 14 and 15 of stat, in clock ticks (USER_HZ, 100 on Linux).
                long millis = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
                if (listThreads) {
                    System.err.println("THREAD " + millis + " ms " + name);
                }
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += millis;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    gc += millis;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
        return new long[] {jit, gc};
    }
}
