package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.migrator.api.ConfigurationException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Flyway configuration file given to {@code --config}: a {@code flyway.conf} (properties, keys
 * {@code flyway.*}) or a {@code flyway.toml} (Flyway 10 and later: {@code [environments.<name>]} with the connection,
 * {@code [flyway]} with the rest). Each setting that has a migrator equivalent becomes the migrator option it means;
 * one that has none is refused with the file, line and key, so nothing a team relied on is silently dropped.
 *
 * <p>The TOML is read with Jackson's TOML module (the CLI carries Jackson already); its tree keeps no line numbers,
 * so the line named in a message is found by looking for the key in the text.
 */
final class FlywayConfigFile {
    /** Holds {@code flyway.password} in the translated properties: read by the password logic only, never printed. */
    static final String PASSWORD = "flyway.password";
    private static final String PREFIX = "flyway.";
    /** {@code ${env.NAME}}: an environment variable in a flyway.toml (Flyway's environment resolver). */
    private static final Pattern TOML_ENV = Pattern.compile("\\$\\{env\\.([A-Za-z0-9_]+)}");
    /** {@code ${NAME}}: an environment variable in a flyway.conf, which Flyway replaces on loading the file. */
    private static final Pattern CONF_ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Path path;
    private final List<String> lines;
    private final Command command;
    private final Properties out = new Properties();
    private final List<String> problems = new ArrayList<>();
    private final List<String> locations = new ArrayList<>();

    private FlywayConfigFile(Path path, String text, Command command) {
        this.path = path;
        this.lines = text.lines().toList();
        this.command = command;
    }

    /** Whether {@code --config} names a Flyway file: TOML, or properties whose keys start with {@code flyway.}. */
    static boolean isFlyway(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".toml")) {
            return true;
        }
        try {
            Properties p = new Properties();
            try (Reader in = new StringReader(Files.readString(path, StandardCharsets.UTF_8))) {
                p.load(in);
            }
            return !p.isEmpty() && p.stringPropertyNames().stream().allMatch(k -> k.startsWith(PREFIX));
        } catch (IOException | IllegalArgumentException e) {
            return false; // reported by the ordinary reader, which reads it next
        }
    }

    /**
     * The migrator options the file means, keyed as in a migrator config file ({@code url}, {@code locations},
     * {@code placeholder.NAME}, ...), the password under {@link #PASSWORD}.
     *
     * @throws ConfigurationException naming the file, line and key of every setting without an equivalent
     */
    static Properties read(Path path, Command command, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("The Flyway config file " + path.toAbsolutePath() + " cannot be read: "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        FlywayConfigFile file = new FlywayConfigFile(path, text, command);
        Map<String, String> settings = path.toString().toLowerCase(Locale.ROOT).endsWith(".toml")
                ? file.fromToml(text, env) : file.fromProperties(text, env);
        settings.forEach(file::translate);
        if (!file.locations.isEmpty()) {
            file.out.setProperty(Option.LOCATIONS.longName(), String.join(",", file.locations));
        }
        if (!file.problems.isEmpty()) {
            throw new ConfigurationException("The Flyway config file " + path + " has settings migrator cannot "
                    + "follow; nothing was run", file.problems);
        }
        return file.out;
    }

    private Map<String, String> fromProperties(String text, Map<String, String> env) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("The Flyway config file " + path + " cannot be read as properties: "
                    + e.getMessage(), e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith(PREFIX)) {
                problems.add(where(key) + "'" + key + "' is not a Flyway setting: in a flyway.conf every key starts "
                        + "with flyway.");
                continue;
            }
            String name = key.substring(PREFIX.length());
            settings.put(name, resolve(name, p.getProperty(key).strip(), CONF_ENV, env));
        }
        return settings;
    }

    /**
     * The settings of the chosen environment ({@code [flyway] environment}, default {@code default}) and of
     * {@code [flyway]}, the environment's own {@code [environments.<name>.flyway]} winning.
     */
    private Map<String, String> fromToml(String text, Map<String, String> env) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(text);
        } catch (IOException e) {
            throw new ConfigurationException("The Flyway config file " + path + " is not valid TOML: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        JsonNode flyway = root.path("flyway");
        String environment = flyway.path("environment").asText("default");
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> top = it.next();
            switch (top.getKey()) {
                case "flyway", "environments" -> { }
                // Flyway Desktop's project metadata and its comparison tools' sections: not settings of a run.
                case "id", "name", "databaseType", "flywayDesktop", "redgateCompare" -> { }
                default -> problems.add(where(top.getKey()) + "'" + top.getKey() + "' is not a Flyway setting; "
                        + "migrator reads [environments.<name>] and [flyway]");
            }
        }
        JsonNode environments = root.path("environments");
        JsonNode chosen = environments.path(environment);
        if (environments.isObject() && chosen.isMissingNode()) {
            problems.add(where("environment") + "[flyway] environment is '" + environment + "', but there is no "
                    + "[environments." + environment + "]");
        }
        flatten(flyway, "", settings, env);
        settings.remove("environment");
        if (chosen.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = chosen.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("flyway")) {
                    continue;
                }
                flatten(field.getValue(), field.getKey(), settings, env);
            }
            flatten(chosen.path("flyway"), "", settings, env);
        }
        return settings;
    }

    /** Flattens a TOML table to {@code a.b} keys; arrays become comma-separated lists, {@code ${env.X}} resolved. */
    private void flatten(JsonNode node, String prefix, Map<String, String> into, Map<String, String> env) {
        if (node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), into,
                        env);
            }
            return;
        }
        String value;
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(n.asText()));
            value = String.join(",", parts);
        } else {
            value = node.asText();
        }
        into.put(prefix, resolve(prefix, value, TOML_ENV, env));
    }

    /** The value with its environment variable references replaced; an unset one is a problem naming key and line. */
    private String resolve(String key, String value, Pattern reference, Map<String, String> env) {
        Matcher m = reference.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            if (v == null) {
                problems.add(where(key) + "flyway." + key + " reads the environment variable " + m.group(1)
                        + ", which is not set; set it, or write the value");
                v = "";
            }
            m.appendReplacement(resolved, Matcher.quoteReplacement(v));
        }
        m.appendTail(resolved);
        return resolved.toString();
    }

    /** One Flyway setting (key without {@code flyway.}) into the migrator option it means, or a problem. */
    private void translate(String key, String value) {
        if (key.startsWith("placeholders.")) {
            out.setProperty("placeholder." + key.substring("placeholders.".length()), value);
            return;
        }
        switch (key) {
            case "url" -> set(Option.URL, value);
            case "user" -> set(Option.USER, value);
            case "password" -> out.setProperty(PASSWORD, value);
            case "locations", "callbackLocations" -> {
                for (String location : value.split(",")) {
                    if (!location.isBlank() && !locations.contains(location.strip())) {
                        locations.add(location.strip());
                    }
                }
            }
            case "defaultSchema" -> set(Option.SCHEMA, value);
            case "schemas" -> {
                String[] schemas = value.split(",");
                if (schemas.length > 1) {
                    refuse(key, "lists " + schemas.length + " schemas; migrator keeps one history in one schema: set "
                            + "defaultSchema (or schemas) to that one, and create the others in a migration");
                } else if (!value.isBlank() && out.getProperty(Option.SCHEMA.longName()) == null) {
                    set(Option.SCHEMA, schemas[0].strip());
                }
            }
            case "table" -> set(Option.TABLE, value);
            case "installedBy" -> set(Option.INSTALLED_BY, value);
            case "outOfOrder" -> set(Option.OUT_OF_ORDER, value);
            case "jarDirs" -> set(Option.DRIVER_PATH, value);
            case "lockRetryCount" -> {
                // Flyway tries the lock once a second: N tries wait about N seconds.
                set(Option.LOCK_TIMEOUT, value);
            }
            case "baselineVersion" -> {
                if (command == Command.BASELINE) {
                    set(Option.TO, value);
                }
            }
            case "target" -> {
                if (value.equalsIgnoreCase("latest")) {
                    return;
                }
                if (value.equalsIgnoreCase("current") || value.equalsIgnoreCase("next")) {
                    refuse(key, "is '" + value + "', which migrator has no equivalent for: give --to VERSION");
                } else if (command == Command.MIGRATE || command == Command.PLAN) {
                    set(Option.TO, value);
                }
            }
            case "driver" -> {
                // migrator picks the driver from the URL; jarDirs (--driver-path) supplies one it does not carry.
            }
            case "validateOnMigrate" -> mustBe(key, value, "true", "migrator always validates before it migrates");
            case "validateMigrationNaming" -> mustBe(key, value, "true",
                    "migrator always refuses a script whose name it cannot read");
            case "failOnMissingLocations" -> mustBe(key, value, "true",
                    "migrator always refuses a location that does not exist");
            case "createSchemas" -> mustBe(key, value, "true",
                    "migrator creates the schema that holds its history when it is missing");
            case "cleanDisabled" -> mustBe(key, value, "true", "migrator has no clean command");
            case "executeInTransaction" -> mustBe(key, value, "true", "set executeInTransaction=false per script, "
                    + "in a V1__name.sql.conf beside it, or with -- migrator:transaction=false in the script");
            case "placeholderReplacement" -> mustBe(key, value, "true",
                    "the command line always replaces placeholders");
            case "encoding" -> {
                if (!value.equalsIgnoreCase("UTF-8") && !value.equalsIgnoreCase("UTF8")) {
                    refuse(key, "is '" + value + "'; migrator reads scripts as UTF-8: save them as UTF-8, or set "
                            + "encoding=" + value + " per script in a V1__name.sql.conf beside it");
                }
            }
            case "sqlMigrationPrefix" -> mustBe(key, value, "V", "migrator names versioned scripts V1__name.sql");
            case "undoSqlMigrationPrefix" -> mustBe(key, value, "U", "migrator names undo scripts U1__name.sql");
            case "repeatableSqlMigrationPrefix" -> mustBe(key, value, "R",
                    "migrator names repeatable scripts R__name.sql");
            case "sqlMigrationSeparator" -> mustBe(key, value, "__", "migrator separates version and description "
                    + "with __");
            case "sqlMigrationSuffixes" -> mustBe(key, value, ".sql", "migrator reads .sql scripts");
            case "placeholderPrefix" -> mustBe(key, value, "${", "migrator's placeholders are written ${name}");
            case "placeholderSuffix" -> mustBe(key, value, "}", "migrator's placeholders are written ${name}");
            case "baselineOnMigrate" -> refuse(key, "has no migrator equivalent: to take over a database Flyway "
                    + "migrated, run migrator adopt --from flyway; to start from an existing schema, run baseline "
                    + "--to VERSION once");
            case "connectRetries", "connectRetriesInterval" -> refuse(key, "has no migrator equivalent: migrator "
                    + "connects once and fails with exit status 2 when it cannot; retry the command in your pipeline");
            default -> refuse(key, "has no migrator equivalent; remove it (docs/flyway-habits.md lists the settings "
                    + "migrator reads)");
        }
    }

    private void set(Option option, String value) {
        out.setProperty(option.longName(), value);
    }

    private void mustBe(String key, String value, String expected, String why) {
        if (!value.equals(expected) && !value.equalsIgnoreCase(expected)) {
            refuse(key, "is '" + value + "', which migrator cannot do: " + why);
        }
    }

    private void refuse(String key, String what) {
        problems.add(where(key) + "flyway." + key + " " + what);
    }

    /** {@code "flyway.conf line 7: "}: the first line that sets the key (its last part, for a TOML key). */
    private String where(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (startsWithKey(line, PREFIX + key) || startsWithKey(line, key) || startsWithKey(line, last)
                    || line.equals("[" + key + "]") || line.startsWith("[" + key + ".")) {
                return path.getFileName() + " line " + (i + 1) + ": ";
            }
        }
        return path.getFileName() + ": ";
    }

    private static boolean startsWithKey(String line, String key) {
        if (!line.startsWith(key)) {
            String quoted = "\"" + key + "\"";
            if (!line.startsWith(quoted)) {
                return false;
            }
            key = quoted;
        }
        String rest = line.substring(key.length()).stripLeading();
        return rest.startsWith("=") || rest.startsWith(":");
    }
}
