package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.TargetSession;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Flyway's built-in placeholders, so that scripts written for Flyway run unchanged: {@code ${flyway:defaultSchema}},
 * {@code ${flyway:user}}, {@code ${flyway:database}}, {@code ${flyway:timestamp}}, {@code ${flyway:filename}},
 * {@code ${flyway:workingDirectory}} and {@code ${flyway:table}}.
 *
 * <p>The values that come from the database are asked for once per run, and only when a script uses one. As with
 * migrator's own placeholders (and as Flyway does), a script's checksum is taken before any replacement: a script
 * holding {@code ${flyway:timestamp}} does not change its checksum from run to run.
 */
final class FlywayPlaceholders {
    static final String PREFIX = "flyway:";
    static final Set<String> NAMES = Set.of("flyway:defaultSchema", "flyway:user", "flyway:database",
            "flyway:timestamp", "flyway:filename", "flyway:workingDirectory", "flyway:table");
    /** Flyway's own format for {@code ${flyway:timestamp}}, in the JVM's time zone as Flyway writes it. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TargetSession session;
    private final String configuredSchema;
    private final String historyTable;
    private final Clock clock;
    private String schema;
    private String user;
    private String database;

    FlywayPlaceholders(TargetSession session, String configuredSchema, String historyTable, Clock clock) {
        this.session = session;
        this.configuredSchema = configuredSchema;
        this.historyTable = historyTable;
        this.clock = clock;
    }

    TargetSession session() {
        return session;
    }

    static boolean isBuiltIn(String name) {
        return name.startsWith(PREFIX) && NAMES.contains(name);
    }

    /**
     * The value of one built-in for the script {@code fileName}.
     *
     * @throws ConfigurationException when the target cannot tell (a database without schemas has no default one)
     */
    String value(String name, String fileName) {
        return switch (name) {
            case "flyway:filename" -> fileName;
            case "flyway:table" -> historyTable;
            case "flyway:workingDirectory" -> System.getProperty("user.dir");
            case "flyway:timestamp" -> TIMESTAMP.format(clock.instant().atZone(ZoneId.systemDefault()));
            case "flyway:user" -> user != null ? user : (user = session.user());
            case "flyway:defaultSchema" -> schema != null ? schema : (schema = known(name, fileName,
                    configuredSchema != null ? configuredSchema : session.currentSchema()));
            case "flyway:database" -> database != null ? database
                    : (database = known(name, fileName, session.databaseName()));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private String known(String name, String fileName, String value) {
        if (value == null || value.isEmpty()) {
            throw new ConfigurationException(fileName + ": ${" + name + "} has no value on " + session.describe()
                    + ": the database does not say; pass the value with placeholders(Map.of(\"" + name
                    + "\", ...)) instead");
        }
        return value;
    }
}
