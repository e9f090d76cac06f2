package dev.migrator.bench;

import dev.migrator.core.LintMode;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;

/**
 * One boot of a service using migrator: build, then {@code migrate()} (timed) over a filesystem location; in S5,
 * {@code validate()} or {@code info()} instead. The system property {@value #LINT_PROPERTY} ({@code OFF},
 * {@code WARN}, {@code FAIL}; default: the builder's own, as a service has it) sets the lint mode, so that a run with
 * {@code --jvm-opt -D}{@value #LINT_PROPERTY}{@code =OFF} measures what the lint before a run costs
 * (docs/performance.md, tenth slice).
 */
public final class MigratorMain {
    static final String LINT_PROPERTY = "migrator.bench.lint";

    private MigratorMain() {
    }

    /** Runs one measurement; see {@link ChildArgs}. */
    public static void main(String[] argv) {
        ChildArgs args = ChildArgs.parse(argv);
        ChildArgs.startLogging("migrator");
        Migrator migrator = Migrator.builder()
                .target(JdbcTarget.of(args.url(), args.user(), ChildArgs.password()))
                .locations("filesystem:" + args.scripts().toAbsolutePath())
                .lint(LintMode.valueOf(System.getProperty(LINT_PROPERTY, Migrator.Builder.DEFAULT_LINT.name())))
                .build();
        long start = System.nanoTime();
        int applied = switch (args.mode()) {
            case "validate" -> {
                migrator.validate();
                yield 0;
            }
            case "info" -> migrator.info().size() > 0 ? 0 : -1;
            default -> migrator.migrate().applied().size();
        };
        ChildArgs.report(start, applied);
    }
}
