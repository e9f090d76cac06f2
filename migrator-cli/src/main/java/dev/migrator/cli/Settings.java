package dev.migrator.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a command needs, merged from the flags, the environment and the config file, and checked.
 *
 * @param command      the command to run
 * @param url          the JDBC or MongoDB URL, as given (it may hold credentials: print only masked)
 * @param user         the user, or {@code null}
 * @param password     the password, or {@code null}; its {@code toString()} hides it
 * @param locations    where the migrations are; empty for the target's default, read from the file system
 * @param to           the version of {@code --to}, or {@code null}
 * @param count        {@code --count}, or {@code null}
 * @param lockTimeout  {@code --lock-timeout}, or {@code null} for the library's default
 * @param schema       {@code --schema}, or {@code null}
 * @param table        {@code --table}, or {@code null}
 * @param installedBy  {@code --installed-by}, or {@code null}
 * @param placeholders the placeholder values
 * @param outOfOrder   {@code --out-of-order}
 * @param driverPath   the jar files to load drivers and {@code classpath:} migrations from
 * @param json         {@code --json}
 * @param dryRun       {@code --dry-run}
 * @param metricsFile  {@code --metrics-file}, or {@code null}
 * @param failOnWarning {@code --fail-on warning}: lint exits 5 on warnings too
 * @param sarif        {@code --sarif FILE}, or {@code null}
 * @param allowEmpty   {@code --allow-empty}: a location without migrations does not fail the command
 * @param markApplied  {@code repair --mark-applied VERSION}, or {@code null}
 * @param reason       {@code repair --reason TEXT}, or {@code null}
 * @param pushgateway  {@code --pushgateway URL} (it may hold credentials: never print it), or {@code null}
 * @param offline      {@code validate --offline}: against migrator.sum, with no database
 * @param urlB         {@code diff --url-b}, or {@code null}
 * @param againstMigrations {@code diff --against-migrations}
 * @param adoptFrom    {@code adopt --from TOOL} and {@code --from-table NAME} (or null)
 */
record Settings(Command command, String url, String user, Password password, List<String> locations, String to,
                Integer count, Duration lockTimeout, String schema, String table, String installedBy,
                Map<String, String> placeholders, boolean outOfOrder, List<Path> driverPath, boolean json,
                boolean dryRun, Path metricsFile, boolean failOnWarning, Path sarif, boolean offline,
                String urlB, boolean againstMigrations, String pushgateway, boolean allowEmpty, String markApplied,
                String reason, AdoptCommand.From adoptFrom) {
    Settings {
        locations = List.copyOf(locations);
        placeholders = Map.copyOf(placeholders);
        driverPath = List.copyOf(driverPath);
    }

    /** The same settings for another database (diff's --url-b). */
    Settings withUrl(String otherUrl) {
        return new Settings(command, otherUrl, user, password, locations, to, count, lockTimeout, schema, table,
                installedBy, placeholders, outOfOrder, driverPath, json, dryRun, metricsFile, failOnWarning, sarif,
                offline, null, false, pushgateway, allowEmpty, markApplied, reason, adoptFrom);
    }

    /** Whether the command needs no database: hash, and validate --offline. */
    boolean offlineCommand() {
        return command == Command.HASH || (command == Command.VALIDATE && offline);
    }
}
