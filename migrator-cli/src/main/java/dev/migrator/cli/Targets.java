package dev.migrator.cli;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.api.internal.Secrets;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.mongo.MongoTarget;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns {@code --url} into a target: {@code jdbc:...} for a relational database, {@code mongodb://} for MongoDB. */
final class Targets {
    private static final Logger LOG = LoggerFactory.getLogger(Targets.class);
    private static final Pattern AUTH_SOURCE = Pattern.compile("[?&]authSource=([^&]+)");

    private Targets() {
    }

    /**
     * A target, and what to close after the command.
     *
     * @param target the target
     * @param client closed when the command is done (the MongoDB client), or {@code null}
     */
    record Opened(MigrationTarget target, MongoClient client) implements AutoCloseable {
        /** Closes the client; never throws, so that a command that succeeded still reports success. */
        @Override
        public void close() {
            if (client != null) {
                try {
                    client.close();
                } catch (RuntimeException e) {
                    LOG.warn("Could not close the MongoDB client: {}", Messages.of(e));
                }
            }
        }
    }

    /** Opens the target of {@code settings}; JDBC drivers from {@code --driver-path} must be registered already. */
    static Opened open(Settings settings) {
        String url = settings.url();
        String password = settings.password() == null ? null : settings.password().reveal();
        if (url.startsWith("jdbc:")) {
            return new Opened(JdbcTarget.of(jdbcUrl(url), settings.user(), password), null);
        }
        if (url.startsWith("mongodb://") || url.startsWith("mongodb+srv://")) {
            return mongo(url, settings.user(), password);
        }
        throw new UsageException("--url " + Secrets.mask(url) + " is neither a jdbc: URL nor a mongodb:// URL",
                settings.command());
    }

    /**
     * The URL a driver accepts. The MariaDB driver speaks to MySQL too, but takes {@code jdbc:mysql:} only when told
     * so; MySQL's own driver, if on {@code --driver-path}, takes it as it is.
     */
    static String jdbcUrl(String url) {
        if (acceptedByADriver(url)) {
            return url;
        }
        if (url.startsWith("jdbc:mysql:")) {
            String permitted = url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
            if (acceptedByADriver(permitted)) {
                return permitted;
            }
        }
        String scheme = url.substring(0, Math.max(url.indexOf(':', 5), 5));
        throw new ConfigurationException("No JDBC driver takes " + scheme + ": URLs. This jar carries the drivers of "
                + "PostgreSQL (jdbc:postgresql:), MariaDB and MySQL (jdbc:mariadb:, jdbc:mysql:), SQL Server "
                + "(jdbc:sqlserver:) and H2 (jdbc:h2:); for another database put its driver's jar on --driver-path "
                + "(Oracle: --driver-path ojdbc11.jar)");
    }

    private static boolean acceptedByADriver(String url) {
        try {
            return DriverManager.getDriver(url) != null;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Opened mongo(String url, String user, String password) {
        ConnectionString connection;
        try {
            connection = new ConnectionString(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--url " + Secrets.mask(url) + " is not a MongoDB connection string: "
                    + Secrets.mask(e.getMessage()), e);
        }
        if (connection.getDatabase() == null || connection.getDatabase().isBlank()) {
            throw new ConfigurationException("--url " + Secrets.mask(url) + " names no database: write "
                    + "mongodb://host:27017/database");
        }
        MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(connection);
        String name = user != null ? user : connection.getUsername();
        if (name != null && password != null) {
            Matcher source = AUTH_SOURCE.matcher(url);
            builder.credential(MongoCredential.createCredential(name, source.find() ? source.group(1) : "admin",
                    password.toCharArray()));
        }
        MongoClient client = MongoClients.create(builder.build());
        try {
            return new Opened(MongoTarget.of(client, connection.getDatabase()), client);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }
}
