package dev.migrator.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migrator.api.ConfigurationException;
import dev.migrator.api.internal.Secrets;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The targets of a fleet, from a YAML or JSON file ({@code --targets}) or a registry query ({@code --targets-query}):
 * read, checked all at once (each problem naming its file and line, or its row), and cut to one shard.
 *
 * <pre>{@code
 * defaults:                      # optional: what every target has unless it says otherwise
 *   url: jdbc:postgresql://db:5432/app
 *   user: migrator
 *   password-env: TENANTS_PASSWORD
 * targets:
 *   - name: acme
 *     schema: acme
 *     group: eu
 *     placeholders: {tenant: acme}
 *     lock: lease                # optional: this target's migration lock, over --lock
 * }</pre>
 */
final class FleetTargets {
    /** The keys of a target, and of {@code defaults} (all but {@code name}). */
    static final List<String> KEYS = List.of("name", "url", "user", "password-env", "password-file", "schema",
            "group", "placeholders", "lock");
    private static final String PLACEHOLDER_COLUMN = "placeholder_";

    /**
     * One target as read, before it is opened.
     *
     * @param where        {@code tenants.yaml:12}, or {@code --targets-query row 3}: for messages
     * @param password     the password, or {@code null}; its {@code toString()} hides it
     * @param lock         the target's own {@code lock} key, or {@code null} when it has none
     */
    record Entry(String where, String name, String url, String user, Password password, String schema, String group,
                 Map<String, String> placeholders, LockChoice lock) {

        /** The lock this target takes: its own {@code lock} key, else {@code --lock} ({@code cli}, may be null). */
        LockChoice lockOr(LockChoice cli) {
            return lock == null ? cli : lock;
        }
    }

    /** What a target has when its entry does not say: the CLI's own --url, --user and password. */
    record Defaults(String url, String user, Password password) {
    }

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    private FleetTargets(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Reads a targets file, YAML or JSON (JSON is YAML too).
     *
     * @throws ConfigurationException listing every problem, each with the file and line
     */
    static List<Entry> fromFile(Path file, Defaults cli, Map<String, String> env) {
        FleetTargets reader = new FleetTargets(env);
        List<Entry> entries = new ArrayList<>();
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser parser = new YAMLFactory().createParser(in)) {
            ObjectMapper mapper = new ObjectMapper();
            parser.setCodec(mapper);
            JsonToken first = parser.nextToken();
            Map<String, Object> defaults = Map.of();
            if (first == JsonToken.START_ARRAY) {
                reader.entries(parser, fileName, defaults, cli, entries);
            } else if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int line = parser.currentLocation().getLineNr();
                    JsonToken value = parser.nextToken();
                    if (key.equals("defaults") && value == JsonToken.START_OBJECT) {
                        defaults = reader.fields(mapper.readTree(parser), fileName + ":" + line, true);
                    } else if (key.equals("targets") && value == JsonToken.START_ARRAY) {
                        reader.entries(parser, fileName, defaults, cli, entries);
                    } else {
                        reader.problems.add(fileName + ":" + line + ": '" + key + "' is not expected here; the file "
                                + "holds 'defaults' (a map) and 'targets' (a list)");
                        parser.skipChildren();
                    }
                }
            } else {
                reader.problems.add(fileName + ": holds no targets; write 'targets:' followed by a list of targets");
            }
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("The targets file " + file.toAbsolutePath() + " is not valid YAML or "
                    + "JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigurationException("The targets file " + file.toAbsolutePath() + " cannot be read: "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        return reader.checked(entries, "The targets file " + file.toAbsolutePath() + " cannot be used");
    }

    /**
     * Reads the targets from a registry database: one row per target, columns named as the keys of a targets file
     * ({@code password_env}, {@code password_file}, {@code lock}; {@code placeholder_<NAME>} for each placeholder).
     */
    static List<Entry> fromQuery(String registryUrl, String sql, Defaults cli, Map<String, String> env) {
        FleetTargets reader = new FleetTargets(env);
        List<Entry> entries = new ArrayList<>();
        String password = cli.password() == null ? null : cli.password().reveal();
        try (Connection c = DriverManager.getConnection(Targets.jdbcUrl(registryUrl), cli.user(), password);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            int row = 0;
            while (rs.next()) {
                row++;
                Map<String, Object> fields = new LinkedHashMap<>();
                Map<String, String> placeholders = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String label = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                    String value = rs.getString(i);
                    if (label.startsWith(PLACEHOLDER_COLUMN)) {
                        if (value != null) {
                            placeholders.put(meta.getColumnLabel(i).substring(PLACEHOLDER_COLUMN.length()), value);
                        }
                    } else if (value != null) {
                        fields.put(label.replace('_', '-'), value);
                    }
                }
                String where = "--targets-query row " + row;
                Map<String, Object> checked = reader.fields(new ObjectMapper().valueToTree(fields), where, false);
                checked.put("placeholders", placeholders);
                entries.add(reader.entry(where, checked, Map.of(), cli));
            }
        } catch (SQLException e) {
            throw new ConfigurationException("--targets-query on --registry-url " + Secrets.mask(registryUrl)
                    + " failed: " + Secrets.mask(e.getMessage()) + " (SQLState " + e.getSQLState() + ")", e);
        }
        return reader.checked(entries, "The targets of --targets-query cannot be used");
    }

    /**
     * The entries of shard {@code index} of {@code count}: those whose name's SHA-256, read as a number, leaves
     * {@code index} divided by {@code count}. Stable across runs, machines and Java versions, and independent of the
     * order or number of the other targets, so that adding a tenant moves no other.
     */
    static List<Entry> shard(List<Entry> entries, int index, int count) {
        return entries.stream().filter(e -> shardOf(e.name(), count) == index).toList();
    }

    /** The shard of a target name among {@code count}. */
    static int shardOf(String name, int count) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long n = 0;
            for (int i = 0; i < 8; i++) {
                n = (n << 8) | (hash[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(n, count);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private void entries(JsonParser parser, String fileName, Map<String, Object> defaults, Defaults cli,
                         List<Entry> out) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String where = fileName + ":" + parser.currentLocation().getLineNr();
            JsonNode node = parser.readValueAsTree();
            if (!node.isObject()) {
                problems.add(where + ": a target is a map (name: ..., url: ...), not " + node.getNodeType());
                continue;
            }
            out.add(entry(where, fields(node, where, false), defaults, cli));
        }
    }

    /** The known keys of one map, with every unknown key, wrong type or missing name added to the problems. */
    private Map<String, Object> fields(JsonNode node, String where, boolean defaults) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.toLowerCase(Locale.ROOT).equals("password")) {
                // Neither the value nor a hint of it is repeated.
                problems.add(where + ": a password in a targets file is refused (its value is not repeated); name "
                        + "an environment variable (password-env) or a mounted file (password-file) instead");
            } else if (!KEYS.contains(key) || (defaults && key.equals("name"))) {
                problems.add(where + ": '" + key + "' is not a key of a target; the keys are "
                        + String.join(", ", defaults ? KEYS.subList(1, KEYS.size()) : KEYS));
            } else if (key.equals("placeholders")) {
                Map<String, String> values = new LinkedHashMap<>();
                if (value.isObject()) {
                    value.fields().forEachRemaining(p -> {
                        if (p.getValue().isValueNode() && !p.getValue().isNull()) {
                            values.put(p.getKey(), p.getValue().asText());
                        } else {
                            problems.add(where + ": placeholder '" + p.getKey() + "' needs a plain value");
                        }
                    });
                } else {
                    problems.add(where + ": 'placeholders' is a map of NAME: value");
                }
                out.put(key, values);
            } else if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
                problems.add(where + ": '" + key + "' needs a plain, non-empty value");
            } else if (key.equals("lock") && LockChoice.parse(value.asText()) == null) {
                JsonNode name = node.get("name");
                problems.add(where + (defaults ? " (defaults)" : name != null && name.isValueNode()
                        ? " (target " + name.asText() + ")" : "") + ": 'lock' is '" + value.asText() + "'; write "
                        + "session (the database's own lock) or lease (a fenced row in migrator_lock, for a target "
                        + "behind a pooler such as PgBouncer)");
            } else {
                out.put(key, value.asText());
            }
        }
        if (!defaults && !out.containsKey("name") && node.get("name") == null) {
            problems.add(where + ": the target has no 'name'; give each target a name, unique in the fleet");
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Entry entry(String where, Map<String, Object> fields, Map<String, Object> defaults, Defaults cli) {
        Map<String, Object> all = new LinkedHashMap<>(defaults);
        all.putAll(fields);
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.putAll((Map<String, String>) defaults.getOrDefault("placeholders", Map.of()));
        placeholders.putAll((Map<String, String>) fields.getOrDefault("placeholders", Map.of()));
        String name = (String) all.get("name");
        String url = all.containsKey("url") ? (String) all.get("url") : cli.url();
        String label = name == null ? where : where + " (target " + name + ")";
        if (url == null) {
            problems.add(label + ": no 'url', and no --url to fall back on");
        } else if (!url.startsWith("jdbc:")) {
            problems.add(label + ": url " + Secrets.mask(url) + " is not a jdbc: URL; fleets run on relational "
                    + "databases");
        }
        Password password = cli.password();
        // A key of the target wins over the defaults' keys, whichever of the two kinds each is.
        Map<String, Object> source = fields.containsKey("password-env") || fields.containsKey("password-file")
                ? fields : defaults;
        Object variable = source.get("password-env");
        Object file = source.get("password-file");
        if (variable != null && file != null) {
            problems.add(label + ": give either 'password-env' or 'password-file', not both");
        } else if (variable != null) {
            String value = env.get((String) variable);
            if (value == null) {
                problems.add(label + ": the environment variable " + variable + " (password-env) is not set");
            }
            password = value == null ? null : new Password(value);
        } else if (file != null) {
            password = passwordFile(label, Paths.get((String) file));
        }
        String user = all.containsKey("user") ? (String) all.get("user") : cli.user();
        // A bad value was reported by fields(), at the map that holds it.
        LockChoice lock = all.containsKey("lock") ? LockChoice.parse((String) all.get("lock")) : null;
        return new Entry(where, name, url, user, password, (String) all.get("schema"), (String) all.get("group"),
                placeholders, lock);
    }

    private Password passwordFile(String label, Path path) {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return new Password(text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        } catch (IOException e) {
            problems.add(label + ": the password file " + path.toAbsolutePath() + " cannot be read: "
                    + e.getClass().getSimpleName());
            return null;
        }
    }

    private List<Entry> checked(List<Entry> entries, String heading) {
        Set<String> names = new HashSet<>();
        for (Entry e : entries) {
            if (e.name() != null && !names.add(e.name())) {
                problems.add(e.where() + ": the name '" + e.name() + "' is given twice; each target needs its own");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(heading, problems);
        }
        return entries;
    }
}
