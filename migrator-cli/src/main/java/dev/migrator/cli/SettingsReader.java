package dev.migrator.cli;

import dev.migrator.api.ConfigurationException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Merges the flags, the environment and the config file into {@link Settings}: a flag wins over
 * {@code MIGRATOR_<OPTION>}, which wins over the {@code --config} file. Checks every value, and reads the password.
 */
final class SettingsReader {
    /** Read as the password when neither {@code --password-env} nor {@code --password-file} is given. */
    static final String DEFAULT_PASSWORD_ENV = "MIGRATOR_PASSWORD";
    private static final String PLACEHOLDER_KEY = "placeholder.";
    private static final String PLACEHOLDER_ENV = Option.ENV_PREFIX + "PLACEHOLDER_";

    private final Arguments args;
    private final Map<String, String> env;
    private final Properties file;
    private final String fileName;

    private SettingsReader(Arguments args, Map<String, String> env, Properties file, String fileName) {
        this.args = args;
        this.env = env;
        this.file = file;
        this.fileName = fileName;
    }

    /**
     * The settings of a command line whose command is known.
     *
     * @throws UsageException         for a missing or malformed value
     * @throws ConfigurationException for a config file, password file or password variable that cannot be read
     */
    static Settings read(Arguments args, Map<String, String> env) {
        String config = args.has(Option.CONFIG) ? args.value(Option.CONFIG) : env.get(Option.CONFIG.environmentVariable());
        Properties file = config == null ? new Properties()
                : FlywayConfigFile.isFlyway(Paths.get(config))
                ? FlywayConfigFile.read(Paths.get(config), args.command(), env) : load(Paths.get(config));
        return new SettingsReader(args, env, file, config).settings();
    }

    private Settings settings() {
        Command command = args.command();
        String url = value(Option.URL);
        boolean offline = command.takes(Option.OFFLINE) && flag(Option.OFFLINE);
        if (command == Command.HASH || offline) {
            url = url == null ? "" : url;
        } else if ((url == null || url.isBlank()) && !FleetCommand.requested(args, env)) {
            throw new UsageException(command.word() + " needs --url (or " + Option.URL.environmentVariable()
                    + ", or url= in --config): a jdbc: URL or mongodb://host:port/database", command);
        }
        String to = command.takes(Option.TO) ? value(Option.TO) : null;
        Integer count = command.takes(Option.COUNT) ? positive(Option.COUNT) : null;
        if (command == Command.ROLLBACK && (to == null) == (count == null)) {
            throw new UsageException("rollback needs exactly one of --count N (undo the N most recent migrations) "
                    + "or --to VERSION (undo everything newer than VERSION)", command);
        }
        if (command == Command.BASELINE && to == null) {
            throw new UsageException("baseline needs --to VERSION: the version the existing schema is at", command);
        }
        Integer lockSeconds = positive(Option.LOCK_TIMEOUT);
        String failOn = command.takes(Option.FAIL_ON) ? value(Option.FAIL_ON) : null;
        if (failOn != null && !failOn.equalsIgnoreCase("error") && !failOn.equalsIgnoreCase("warning")) {
            throw new UsageException(origin(Option.FAIL_ON) + " is '" + failOn + "'; write error or warning", command);
        }
        String sarif = command.takes(Option.SARIF) ? value(Option.SARIF) : null;
        String markApplied = command.takes(Option.MARK_APPLIED) ? value(Option.MARK_APPLIED) : null;
        String reason = command.takes(Option.REASON) ? value(Option.REASON) : null;
        if (markApplied != null && (reason == null || reason.isBlank())) {
            throw new UsageException("repair --mark-applied " + markApplied + " needs --reason TEXT: say why it is "
                    + "recorded as applied (for example --reason \"finished by hand, ticket OPS-12\")", command);
        }
        if (markApplied == null && reason != null) {
            throw new UsageException("--reason goes with --mark-applied VERSION", command);
        }
        String logFormat = value(Option.LOG_FORMAT);
        if (logFormat != null && !logFormat.trim().equalsIgnoreCase("text") && !logFormat.trim().equalsIgnoreCase("json")) {
            throw new UsageException(origin(Option.LOG_FORMAT) + " is '" + logFormat + "'; write text or json", command);
        }
        flag(Option.QUIET);
        String urlB = command.takes(Option.URL_B) ? value(Option.URL_B) : null;
        boolean againstMigrations = command.takes(Option.AGAINST_MIGRATIONS) && flag(Option.AGAINST_MIGRATIONS);
        boolean twoTargets = command == Command.DIFF && value(Option.TARGETS) != null;
        if (command == Command.DIFF && (urlB == null || urlB.isBlank() ? 0 : 1) + (againstMigrations ? 1 : 0)
                + (twoTargets ? 1 : 0) != 1) {
            throw new UsageException("diff needs exactly one of --url-b URL (another database), --targets FILE (a "
                    + "file of two targets) or --against-migrations (what the migrations produce)", command);
        }
        String metricsFile = value(Option.METRICS_FILE);
        return Settings.builder()
                .command(command)
                .url(url == null || (url.isBlank() && !(command == Command.HASH || offline)) ? null : url.trim())
                .user(value(Option.USER))
                .password(password())
                .locations(list(Option.LOCATIONS))
                .to(to)
                .count(count)
                .lockTimeout(lockSeconds == null ? null : Duration.ofSeconds(lockSeconds))
                .schema(value(Option.SCHEMA))
                .table(value(Option.TABLE))
                .installedBy(value(Option.INSTALLED_BY))
                .placeholders(placeholders())
                .outOfOrder(flag(Option.OUT_OF_ORDER))
                .driverPath(driverPath())
                .json(flag(Option.JSON))
                .dryRun(flag(Option.DRY_RUN))
                .metricsFile(metricsFile == null ? null : Paths.get(metricsFile))
                .failOnWarning("warning".equalsIgnoreCase(failOn))
                .sarif(sarif == null || sarif.isBlank() ? null : Path.of(sarif.trim()))
                .offline(offline)
                .urlB(urlB == null ? null : urlB.trim())
                .againstMigrations(againstMigrations)
                .pushgateway(value(Option.PUSHGATEWAY))
                .allowEmpty(flag(Option.ALLOW_EMPTY))
                .markApplied(markApplied == null ? null : markApplied.trim())
                .reason(reason)
                .adoptFrom(command == Command.ADOPT
                        ? AdoptCommand.from(value(Option.FROM), value(Option.FROM_TABLE)) : null)
                .build();
    }

    /** The flag's value, else the environment's, else the file's; {@code null} when none is set. */
    private String value(Option option) {
        if (args.has(option)) {
            return args.value(option);
        }
        String fromEnv = env.get(option.environmentVariable());
        if (fromEnv != null) {
            return fromEnv;
        }
        return file.getProperty(option.longName());
    }

    /** Where a value came from, for messages. */
    private String origin(Option option) {
        if (args.has(option)) {
            return option.flag();
        }
        return env.containsKey(option.environmentVariable()) ? option.environmentVariable()
                : option.longName() + " in " + fileName;
    }

    private Integer positive(Option option) {
        String text = value(option);
        if (text == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the origin
        }
        throw new UsageException(origin(option) + " is '" + text + "'; it must be a whole number of at least 1",
                args.command());
    }

    private boolean flag(Option option) {
        String text = value(option);
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw new UsageException(origin(option) + " is '" + text + "'; write true or false", args.command());
    }

    private List<String> list(Option option) {
        String text = value(option);
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private Map<String, String> placeholders() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith(PLACEHOLDER_KEY)) {
                out.put(key.substring(PLACEHOLDER_KEY.length()), file.getProperty(key));
            }
        }
        env.forEach((k, v) -> {
            if (k.startsWith(PLACEHOLDER_ENV) && k.length() > PLACEHOLDER_ENV.length()) {
                out.put(k.substring(PLACEHOLDER_ENV.length()), v);
            }
        });
        for (String pair : args.all(Option.PLACEHOLDER)) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                // Not repeated: it may hold a secret value.
                throw new UsageException("a --placeholder value has no NAME= before its value: write --placeholder "
                        + "NAME=VALUE", args.command());
            }
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    private List<Path> driverPath() {
        List<Path> jars = new ArrayList<>();
        for (String entry : list(Option.DRIVER_PATH)) {
            Path path = Paths.get(entry);
            if (Files.isDirectory(path)) {
                try (DirectoryStream<Path> dir = Files.newDirectoryStream(path, "*.jar")) {
                    List<Path> found = new ArrayList<>();
                    dir.forEach(found::add);
                    found.sort(null);
                    jars.addAll(found);
                } catch (IOException e) {
                    throw new ConfigurationException("--driver-path: cannot list " + path + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(path)) {
                jars.add(path);
            } else {
                throw new ConfigurationException("--driver-path: " + path.toAbsolutePath() + " does not exist; name "
                        + "jar files or directories of jars, separated by commas");
            }
        }
        return jars;
    }

    private Password password() {
        String variable = value(Option.PASSWORD_ENV);
        String path = value(Option.PASSWORD_FILE);
        if (variable != null && path != null) {
            throw new UsageException("give either --password-env or --password-file, not both", args.command());
        }
        if (path != null) {
            try {
                String text = Files.readString(Paths.get(path), StandardCharsets.UTF_8);
                // Files written by echo, and mounted secrets, often end with one newline that is not the password's.
                return new Password(text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                        : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
            } catch (IOException e) {
                // The path is not repeated: a password given to --password-file by mistake would be printed.
                throw new ConfigurationException("The password file named by " + origin(Option.PASSWORD_FILE)
                        + " cannot be read (" + e.getClass().getSimpleName() + "; its name is not shown, in case it "
                        + "is a password given by mistake). Name a readable file that holds the password");
            }
        }
        if (variable != null) {
            String text = env.get(variable);
            if (text == null) {
                // The name is not repeated: --password-env "$DB_PASSWORD" is the likely slip, and prints the password.
                throw new ConfigurationException("The environment variable named by " + origin(Option.PASSWORD_ENV)
                        + " is not set (its name is not shown, in case it is a password given by mistake). "
                        + origin(Option.PASSWORD_ENV) + " takes the variable's name, such as DB_PASSWORD, not its "
                        + "value: set that variable to the password, or name another");
            }
            return new Password(text);
        }
        String fallback = env.get(DEFAULT_PASSWORD_ENV);
        if (fallback == null && file.getProperty(FlywayConfigFile.PASSWORD) != null) {
            return new Password(file.getProperty(FlywayConfigFile.PASSWORD));
        }
        return fallback == null ? null : new Password(fallback);
    }

    private static Properties load(Path path) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new ConfigurationException("The config file " + path.toAbsolutePath() + " cannot be read: "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            Option option = Option.byName(key);
            if (key.toLowerCase(Locale.ROOT).contains("password") && option == null) {
                // Neither the value nor a hint of it is repeated.
                problems.add("'" + key + "': a config file must not hold the password; use password-env=VAR or "
                        + "password-file=PATH");
            } else if (option == null && !key.startsWith(PLACEHOLDER_KEY)) {
                problems.add("'" + key + "' is not an option; the keys are the long options without --, such as "
                        + "url, locations, lock-timeout, placeholder.NAME");
            } else if (option != null && (!option.configurable() || option == Option.CONFIG
                    || option == Option.PLACEHOLDER || FleetCommand.OPTIONS.contains(option))) {
                problems.add("'" + key + "' cannot be set in a config file");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("The config file " + path + " has keys that cannot be used", problems);
        }
        return p;
    }
}
