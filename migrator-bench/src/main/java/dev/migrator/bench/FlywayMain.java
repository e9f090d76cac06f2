package dev.migrator.bench;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** One boot of a service using Flyway with its defaults: configure and load, then {@code migrate()} (timed). */
public final class FlywayMain {
    private FlywayMain() {
    }

    /** Runs one measurement; see {@link ChildArgs}. */
    public static void main(String[] argv) {
        ChildArgs args = ChildArgs.parse(argv);
        Flyway flyway = Flyway.configure()
                .dataSource(args.url(), args.user(), ChildArgs.password())
                .locations("filesystem:" + args.scripts().toAbsolutePath())
                .load();
        long start = System.nanoTime();
        MigrateResult result = flyway.migrate();
        ChildArgs.report(start, result.migrationsExecuted);
    }
}
