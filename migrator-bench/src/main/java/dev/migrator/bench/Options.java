package dev.migrator.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The runner's command line. */
record Options(List<Integer> ns, int runs, int applyRuns, int peerApplyRuns, int concurrentN, int concurrentBatches,
               int concurrentJvms, List<DbKind> databases, List<Tool> tools, List<String> scenarios, Path work,
               String postgresUrl, String mariadbUrl, String user, Path out, List<String> jvmOptions,
               boolean startedRow, String dbPrefix) {

    static final String USAGE = """
            Usage: java -jar migrator-bench.jar [options]
              Every measurement is a fresh JVM wrapped in /usr/bin/time -v; prints Markdown tables of
              median (min-max) over the runs. Raw JDBC (the floor) always runs.
              --n N[,N...]          migrations in S1, S2 and S5, one release per N (default 1000; e.g. 1000,10000)
              --runs R              runs per cell, at least 5 for published figures (default 5)
              --apply-runs R        S1 runs of migrator and the floor (default: --runs); 0 as for peers below
              --peer-apply-runs R   S1 runs of Flyway and Liquibase (default: --apply-runs). 0: none measured,
                                    and S2/S5 use the database an earlier run applied if its history holds all
                                    N migrations (databases are named bench_n<N>_<tool>), else one unmeasured
                                    apply. The table's runs column shows how many runs each cell has
              --s4-n N              migrations in S4, the concurrent boot (default 200)
              --s4-batches B        S4 batches per tool, 0 skips S4 (default 3)
              --s4-jvms J           JVMs started at once in each S4 batch (default 8)
              --databases LIST      h2,postgresql,mariadb (default all three)
              --tools LIST          migrator,flyway,liquibase (default all three)
              --scenarios LIST      s1,s2,s4,s5 (default all; S3, the floor, runs with S1, S2 and S5;
                                    S5 is validate() and info() with all N applied)
              --work DIR            scripts, H2 files and child logs (default /tmp/migrator-bench)
              --postgres-url URL    server URL ending in / (default jdbc:postgresql://127.0.0.1:5432/)
              --mariadb-url URL     server URL ending in / (default jdbc:mariadb://127.0.0.1:3306/)
              --user USER           database user, a superuser that may drop and create databases (default migrator)
              --out FILE            also write the report to FILE
              --db-prefix P         name databases P_n<N>_<tool> (default bench), so runs can use one server
              --jvm-opt OPT         an option for every child JVM (repeatable), e.g. -Xmx512m
              --started-row         also run S1 for "raw + STARTED row" on H2 and MariaDB, where migrator writes
                                    a STARTED row before each DDL migration: what that row costs
            The password is read from the environment variable MIGRATOR_BENCH_PASSWORD (default: migrator).
            The databases named bench_* on both servers are dropped and created again.""";

    private static final java.util.Set<String> WITH_VALUE = java.util.Set.of("--n", "--runs", "--apply-runs",
            "--peer-apply-runs", "--s4-n", "--s4-batches", "--s4-jvms", "--databases", "--tools", "--scenarios",
            "--work", "--postgres-url", "--mariadb-url", "--user", "--out", "--jvm-opt", "--db-prefix");

    static Options parse(String[] args) {
        List<Integer> ns = List.of(1000);
        int runs = 5;
        int applyRuns = -1;
        int peerApplyRuns = -1;
        int concurrentN = 200;
        int batches = 3;
        int jvms = 8;
        List<DbKind> dbs = List.of(DbKind.values());
        List<Tool> tools = List.of(Tool.MIGRATOR, Tool.FLYWAY, Tool.LIQUIBASE);
        List<String> scenarios = List.of("s1", "s2", "s4", "s5");
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "migrator-bench");
        String pg = "jdbc:postgresql://127.0.0.1:5432/";
        String maria = "jdbc:mariadb://127.0.0.1:3306/";
        String user = "migrator";
        Path out = null;
        List<String> jvm = new ArrayList<>();
        boolean started = false;
        String prefix = "bench";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> throw new UsageException(null);
                case "--started-row" -> started = true;
                default -> {
                    if (!WITH_VALUE.contains(a)) {
                        throw new UsageException("unknown option " + a);
                    }
                    if (i + 1 >= args.length) {
                        throw new UsageException(a + " needs a value");
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--n" -> ns = split(v).stream().map(x -> positive(a, x)).distinct().sorted().toList();
                        case "--runs" -> runs = positive(a, v);
                        case "--apply-runs" -> applyRuns = positive(a, v, 0);
                        case "--peer-apply-runs" -> peerApplyRuns = positive(a, v, 0);
                        case "--s4-n" -> concurrentN = positive(a, v);
                        case "--s4-batches" -> batches = Integer.parseInt(v);
                        case "--s4-jvms" -> jvms = positive(a, v);
                        case "--databases" -> dbs = split(v).stream().map(DbKind::of).toList();
                        case "--tools" -> tools = split(v).stream().map(Options::tool).toList();
                        case "--scenarios" -> scenarios = split(v);
                        case "--work" -> work = Path.of(v);
                        case "--postgres-url" -> pg = v;
                        case "--mariadb-url" -> maria = v;
                        case "--user" -> user = v;
                        case "--out" -> out = Path.of(v);
                        case "--jvm-opt" -> jvm.add(v);
                        case "--db-prefix" -> {
                            if (!v.matches("[a-z][a-z0-9_]{0,30}")) {
                                throw new UsageException("--db-prefix takes lower-case letters, digits and _");
                            }
                            prefix = v;
                        }
                        default -> throw new UsageException("unknown option " + a);
                    }
                }
            }
        }
        int apply = applyRuns < 0 ? runs : applyRuns;
        return new Options(ns, runs, apply, peerApplyRuns < 0 ? apply : peerApplyRuns, concurrentN, batches, jvms, dbs,
                tools, scenarios, work, pg, maria, user, out, jvm, started, prefix);
    }

    /** S1 runs of {@code tool}: fewer than --runs where asked (Flyway and Liquibase take minutes at N=10,000). */
    int applyRuns(Tool tool) {
        return tool == Tool.FLYWAY || tool == Tool.LIQUIBASE ? peerApplyRuns : applyRuns;
    }

    boolean has(String scenario) {
        return scenarios.contains(scenario);
    }

    private static Tool tool(String name) {
        return switch (name) {
            case "migrator" -> Tool.MIGRATOR;
            case "flyway" -> Tool.FLYWAY;
            case "liquibase" -> Tool.LIQUIBASE;
            default -> throw new UsageException("unknown tool '" + name + "': use migrator, flyway or liquibase");
        };
    }

    private static List<String> split(String v) {
        return List.of(v.toLowerCase(Locale.ROOT).split(","));
    }

    private static int positive(String option, String v) {
        return positive(option, v, 1);
    }

    private static int positive(String option, String v, int least) {
        int x;
        try {
            x = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a whole number, not '" + v + "'");
        }
        if (x < least) {
            throw new UsageException(option + " must be at least " + least);
        }
        return x;
    }

    /** Bad usage, or {@code --help} (null message). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
