package dev.migrator.jdbc.internal;

/**
 * The long splitter fuzz run: 100,000 generated scripts (and as many garbage inputs) per dialect, seeded, figures
 * printed one line per dialect for docs/reliability.md. In this package because the splitter is package-private.
 *
 * <pre>{@code
 * ./mvnw -Pbench -pl migrator-bench -am package -DskipTests
 * java -cp "migrator-bench/target/migrator-bench-0.1.0-SNAPSHOT.jar:migrator-bench/target/lib/*" \
 *     dev.migrator.jdbc.internal.SplitterFuzzMain [scripts-per-dialect] [seed]
 * }</pre>
 */
public final class SplitterFuzzMain {

    private SplitterFuzzMain() {
    }

    public static void main(String[] args) {
        int scripts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20_261_205L;
        boolean failed = false;
        System.out.println("splitter fuzz: " + scripts + " scripts and " + scripts + " garbage inputs per dialect, seed "
                + seed + ", Java " + Runtime.version());
        for (SqlSyntax syntax : SqlSyntax.values()) {
            SplitterFuzz.Result result = new SplitterFuzz(syntax, seed + syntax.ordinal()).run(scripts);
            System.out.println(result);
            if (result.firstProblem() != null) {
                failed = true;
                System.out.println("  first problem: " + result.firstProblem());
            }
        }
        if (failed) {
            System.exit(1);
        }
    }
}
