package dev.migrator.bench;

import dev.migrator.api.spi.LintInput;
import dev.migrator.core.LintMode;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.jdbc.internal.lint.SqlLint;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The risk linter's speed: lints the benchmark's release of N migrations (default 10,000) and compares with the
 * no-op boot that reads the same scripts, in one JVM, each timed five times after a warm-up (median printed):
 * <ul>
 * <li>no-op boot: {@code migrate()} on an H2 database where all N are applied (reads and hashes every script, one
 * history query);</li>
 * <li>{@code Migrator.lint()} offline (the database unreachable, so every script is pending): discovery plus linting;</li>
 * <li>the linter alone ({@code SqlLint.offline}) over the scripts already in memory.</li>
 * </ul>
 * Run: {@code java -cp migrator-bench/target/migrator-bench-<v>.jar:migrator-bench/target/lib/* dev.migrator.bench.LintBench [N]}.
 */
public final class LintBench {
    private LintBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("migrator-lint-bench");
        try {
            Workload.write(dir, n);
            Path sql = Workload.sqlDir(dir);
            String h2 = "jdbc:h2:mem:lintbench;DB_CLOSE_DELAY=-1";
            Migrator boot = Migrator.builder().target(JdbcTarget.of(h2, "sa", "")).locations("filesystem:" + sql)
                    .lint(LintMode.OFF).build();
            long applyStart = System.nanoTime();
            boot.migrate();
            System.out.printf("applied %d migrations to H2 in %d ms%n", n, (System.nanoTime() - applyStart) / 1_000_000);
            Migrator offline = Migrator.builder().target(JdbcTarget.of("jdbc:postgresql://127.0.0.1:1/unreachable",
                    "nobody", null)).locations("filesystem:" + sql).build();
            List<LintInput> inputs = new ArrayList<>();
            for (Path p : Workload.versionedScripts(sql)) {
                inputs.add(new LintInput(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
            int[] findings = new int[1];
            long noop = median(() -> boot.migrate());
            long lint = median(() -> findings[0] = offline.lint().size());
            long rules = median(() -> SqlLint.offline("postgresql", inputs));
            System.out.printf("%,d migrations: no-op boot %d ms; Migrator.lint() offline %d ms (%d findings); "
                    + "linter alone %d ms%n", n, noop, lint, findings[0], rules);
        } finally {
            Workload.deleteTree(dir);
        }
    }

    private static long median(Runnable task) {
        task.run();
        long[] ms = new long[5];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
