package dev.migrator.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a command needs, merged from the flags, the environment and the config file, and checked. Built with
 * {@link #builder()}, never positionally: a new option is one component here, one setter in {@link Builder}, and one
 * named call where it is read ({@link SettingsReader}).
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
 * @param offline      {@code validate --offline}: against migrator.sum, with no database
 * @param urlB         {@code diff --url-b}, or {@code null}
 * @param againstMigrations {@code diff --against-migrations}
 * @param pushgateway  {@code --pushgateway URL} (it may hold credentials: never print it), or {@code null}
 * @param allowEmpty   {@code --allow-empty}: a location without migrations does not fail the command
 * @param markApplied  {@code repair --mark-applied VERSION}, or {@code null}
 * @param reason       {@code repair --reason TEXT}, or {@code null}
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

    /** Settings with nothing set: no URL, no options, the target's default locations. */
    static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    Builder toBuilder() {
        return new Builder(this);
    }

    /** The same settings for another database (diff's --url-b). */
    Settings withUrl(String otherUrl) {
        return toBuilder().url(otherUrl).urlB(null).againstMigrations(false).build();
    }

    /** Whether the command needs no database: hash, and validate --offline. */
    boolean offlineCommand() {
        return command == Command.HASH || (command == Command.VALIDATE && offline);
    }

    /** Sets settings by name; {@link #build()} copies the collections. One mutable thing, used by one thread. */
    static final class Builder {
        private Command command;
        private String url;
        private String user;
        private Password password;
        private List<String> locations = List.of();
        private String to;
        private Integer count;
        private Duration lockTimeout;
        private String schema;
        private String table;
        private String installedBy;
        private Map<String, String> placeholders = Map.of();
        private boolean outOfOrder;
        private List<Path> driverPath = List.of();
        private boolean json;
        private boolean dryRun;
        private Path metricsFile;
        private boolean failOnWarning;
        private Path sarif;
        private boolean offline;
        private String urlB;
        private boolean againstMigrations;
        private String pushgateway;
        private boolean allowEmpty;
        private String markApplied;
        private String reason;
        private AdoptCommand.From adoptFrom;

        private Builder() {
        }

        private Builder(Settings s) {
            command = s.command;
            url = s.url;
            user = s.user;
            password = s.password;
            locations = s.locations;
            to = s.to;
            count = s.count;
            lockTimeout = s.lockTimeout;
            schema = s.schema;
            table = s.table;
            installedBy = s.installedBy;
            placeholders = s.placeholders;
            outOfOrder = s.outOfOrder;
            driverPath = s.driverPath;
            json = s.json;
            dryRun = s.dryRun;
            metricsFile = s.metricsFile;
            failOnWarning = s.failOnWarning;
            sarif = s.sarif;
            offline = s.offline;
            urlB = s.urlB;
            againstMigrations = s.againstMigrations;
            pushgateway = s.pushgateway;
            allowEmpty = s.allowEmpty;
            markApplied = s.markApplied;
            reason = s.reason;
            adoptFrom = s.adoptFrom;
        }

        Settings build() {
            return new Settings(command, url, user, password, locations, to, count, lockTimeout, schema, table,
                    installedBy, placeholders, outOfOrder, driverPath, json, dryRun, metricsFile, failOnWarning, sarif,
                    offline, urlB, againstMigrations, pushgateway, allowEmpty, markApplied, reason, adoptFrom);
        }

        Builder command(Command value) {
            command = value;
            return this;
        }

        Builder url(String value) {
            url = value;
            return this;
        }

        Builder user(String value) {
            user = value;
            return this;
        }

        Builder password(Password value) {
            password = value;
            return this;
        }

        Builder locations(List<String> value) {
            locations = value;
            return this;
        }

        Builder to(String value) {
            to = value;
            return this;
        }

        Builder count(Integer value) {
            count = value;
            return this;
        }

        Builder lockTimeout(Duration value) {
            lockTimeout = value;
            return this;
        }

        Builder schema(String value) {
            schema = value;
            return this;
        }

        Builder table(String value) {
            table = value;
            return this;
        }

        Builder installedBy(String value) {
            installedBy = value;
            return this;
        }

        Builder placeholders(Map<String, String> value) {
            placeholders = value;
            return this;
        }

        Builder outOfOrder(boolean value) {
            outOfOrder = value;
            return this;
        }

        Builder driverPath(List<Path> value) {
            driverPath = value;
            return this;
        }

        Builder json(boolean value) {
            json = value;
            return this;
        }

        Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        Builder metricsFile(Path value) {
            metricsFile = value;
            return this;
        }

        Builder failOnWarning(boolean value) {
            failOnWarning = value;
            return this;
        }

        Builder sarif(Path value) {
            sarif = value;
            return this;
        }

        Builder offline(boolean value) {
            offline = value;
            return this;
        }

        Builder urlB(String value) {
            urlB = value;
            return this;
        }

        Builder againstMigrations(boolean value) {
            againstMigrations = value;
            return this;
        }

        Builder pushgateway(String value) {
            pushgateway = value;
            return this;
        }

        Builder allowEmpty(boolean value) {
            allowEmpty = value;
            return this;
        }

        Builder markApplied(String value) {
            markApplied = value;
            return this;
        }

        Builder reason(String value) {
            reason = value;
            return this;
        }

        Builder adoptFrom(AdoptCommand.From value) {
            adoptFrom = value;
            return this;
        }
    }
}
