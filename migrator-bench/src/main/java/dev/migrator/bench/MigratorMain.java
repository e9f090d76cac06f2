package dev.migrator.bench;

import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;

/** One boot of a service using migrator: build, then {@code migrate()} (timed) over a filesystem location. */
public final class MigratorMain {
    private MigratorMain() {
    }

    /** Runs one measurement; see {@link ChildArgs}. */
    public static void main(String[] argv) {
        ChildArgs args = ChildArgs.parse(argv);
        Migrator migrator = Migrator.builder()
                .target(JdbcTarget.of(args.url(), args.user(), ChildArgs.password()))
                .locations("filesystem:" + args.scripts().toAbsolutePath())
                .build();
        long start = System.nanoTime();
        MigrateResult result = migrator.migrate();
        ChildArgs.report(start, result.applied().size());
    }
}
