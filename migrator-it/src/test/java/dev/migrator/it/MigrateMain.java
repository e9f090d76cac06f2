package dev.migrator.it;

import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;

/**
 * A separate JVM that migrates, as an application instance would at boot: args are url, user, password, location,
 * and optionally {@code lease} to use the lease lock.
 */
public final class MigrateMain {
    private MigrateMain() {
    }

    public static void main(String[] args) {
        JdbcTarget target = JdbcTarget.of(args[0], args[1], args[2]);
        if (args.length > 4 && args[4].equals("lease")) {
            target = target.leaseLock();
        }
        var result = Migrator.builder().target(target).locations(args[3]).build().migrate();
        System.out.println("applied=" + result.applied().size());
    }
}
