package dev.migrator.mongo;

import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.connection.ClusterSettings;
import dev.migrator.api.ConfigurationException;
import dev.migrator.api.Migration;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A MongoDB database that migrations are applied to:
 *
 * <pre>{@code
 * Migrator.builder().target(MongoTarget.of(mongoClient, "appdb")).locations("classpath:db/mongo").build().migrate();
 * }</pre>
 *
 * <p>The history is kept in the collection named by {@code historyTable(...)} (default {@code migrator_history}) of
 * the migrated database, and instances lock each other out with a lease document in {@code migrator_lock}.
 * {@code schema(...)}, when set, names the database to migrate instead of the one given here. The client stays the
 * application's: migrator never closes it.
 */
public final class MongoTarget implements MigrationTarget {
    private final MongoClient client;
    private final String databaseName;

    private MongoTarget(MongoClient client, String databaseName) {
        this.client = client;
        this.databaseName = databaseName;
    }

    /**
     * The database {@code databaseName} reached through {@code client}.
     *
     * @throws ConfigurationException when the name cannot be a MongoDB database name
     */
    public static MongoTarget of(MongoClient client, String databaseName) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(databaseName, "databaseName");
        checkDatabaseName(databaseName);
        return new MongoTarget(client, databaseName);
    }

    /** Checks the database and reads what the server supports; the session's lock and history are not touched. */
    @Override
    public TargetSession open(TargetSettings settings) {
        String database = settings.schema() != null ? settings.schema() : databaseName;
        checkDatabaseName(database);
        return MongoSession.open(client, database, hosts(client), settings);
    }

    /** {@code ".json"}: a script is a JSON array of database commands. */
    @Override
    public String scriptSuffix() {
        return ".json";
    }

    /** Whether the migration is a {@link MongoMigration}. */
    @Override
    public boolean accepts(Migration<?> migration) {
        return migration instanceof MongoMigration;
    }

    /** {@code "classpath:db/mongo"}. */
    @Override
    public String defaultLocation() {
        return "classpath:db/mongo";
    }

    /** Such as {@code MongoDB appdb at db1:27017,db2:27017}; never the credentials. */
    @Override
    public String toString() {
        return "MongoDB " + databaseName + " at " + hosts(client);
    }

    /** The configured hosts: settings the client was built with, which hold no credentials, and no connection. */
    static String hosts(MongoClient client) {
        ClusterSettings settings = client.getClusterDescription().getClusterSettings();
        if (settings.getSrvHost() != null) {
            return "mongodb+srv://" + settings.getSrvHost();
        }
        return settings.getHosts().stream().map(ServerAddress::toString).collect(Collectors.joining(","));
    }

    private static void checkDatabaseName(String name) {
        if (name.isBlank() || name.length() > 63 || !name.chars().allMatch(MongoTarget::allowedInName)) {
            throw new ConfigurationException("'" + name + "' cannot be a MongoDB database name: use 1 to 63 "
                    + "characters, none of them a space or one of / \\ . \" $ * < > : | ?");
        }
    }

    private static boolean allowedInName(int c) {
        return c > ' ' && "/\\.\"$*<>:|?".indexOf(c) < 0;
    }
}
