package dev.migrator.it;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClients;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.mongo.MongoTarget;

/**
 * A separate JVM that migrates, as an application instance would at boot: args are url, user, password, location,
 * and optionally {@code lease} to use the lease lock. A {@code mongodb://host:port/database} url migrates that
 * MongoDB database (user and password are then ignored: give them in the url).
 */
public final class MigrateMain {
    private MigrateMain() {
    }

    public static void main(String[] args) {
        MigrationTarget target;
        if (args[0].startsWith("mongodb://")) {
            target = MongoTarget.of(MongoClients.create(args[0]), new ConnectionString(args[0]).getDatabase());
        } else {
            JdbcTarget jdbc = JdbcTarget.of(args[0], args[1], args[2]);
            target = args.length > 4 && args[4].equals("lease") ? jdbc.leaseLock() : jdbc;
        }
        var result = Migrator.builder().target(target).locations(args[3]).build().migrate();
        System.out.println("applied=" + result.applied().size());
    }
}
