package dev.migrator.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What the runner hands a child JVM: {@code <mode> <jdbc-url> <user> <scripts-dir>}, and the password in the
 * environment (never on the command line, where {@code ps} shows it). Each child prints one result line on standard
 * output: {@code BENCH migrate_ms=<ms> applied=<count>}, the time of its migrate call alone.
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
        System.out.println(String.format(Locale.ROOT, "%smigrate_ms=%.1f applied=%d", RESULT, millis, applied));
        System.out.flush();
    }
}
