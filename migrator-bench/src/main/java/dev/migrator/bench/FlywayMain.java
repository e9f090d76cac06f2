package dev.migrator.bench;

import org.flywaydb.core.Flyway;

/**
 * One boot of a service using Flyway with its defaults: configure and load, then {@code migrate()} (timed); in S5,
 * {@code validate()} or {@code info().all()} instead.
 */
public final class FlywayMain {
    private FlywayMain() {
    }

    /** Runs one measurement; see {@link ChildArgs}. */
    public static void main(String[] argv) {
        ChildArgs args = ChildArgs.parse(argv);
        ChildArgs.startLogging("flyway");
        Flyway flyway = Flyway.configure()
                .dataSource(args.url(), args.user(), ChildArgs.password())
                .locations("filesystem:" + args.scripts().toAbsolutePath())
                .load();
        long start = System.nanoTime();
        int applied = switch (args.mode()) {
            case "validate" -> {
                flyway.validate();
                yield 0;
            }
            case "info" -> flyway.info().all().length > 0 ? 0 : -1;
            default -> flyway.migrate().migrationsExecuted;
        };
        ChildArgs.report(start, applied);
    }
}
