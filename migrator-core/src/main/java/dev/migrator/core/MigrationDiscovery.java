package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.Migration;
import dev.migrator.api.internal.NameParts;
import dev.migrator.api.spi.MigrationTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discovery: finds every migration in the configured locations and the explicitly given Java migrations, pairs
 * undo scripts with their versions, and refuses bad input before anything touches the database. Every problem is
 * gathered into one {@link ConfigurationException}, so a team fixes them all in one go.
 */
final class MigrationDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationDiscovery.class);

    /** Class files named like a versioned or repeatable migration; inner classes ({@code $}) excluded. */
    private static final java.util.regex.Pattern JAVA_MIGRATION_NAME =
            java.util.regex.Pattern.compile("(V[0-9][0-9._]*|R)__[^$]+\\.class");

    /**
     * The longest version the history holds (the JDBC history's {@code version} column). A longer one would be cut
     * on write and then never match its file again, so every later boot would fail.
     */
    static final int MAX_VERSION_LENGTH = 50;

    private final MigrationTarget target;
    private final Placeholders placeholders;
    private final ResourceScanner scanner;
    private final ScriptScan scan = new ScriptScan();
    private final Callbacks.Collector callbacks = new Callbacks.Collector();

    MigrationDiscovery(MigrationTarget target, Placeholders placeholders, ClassLoader classLoader) {
        this.target = target;
        this.placeholders = placeholders;
        this.scanner = new ResourceScanner(classLoader);
    }

    /** Every migration, sorted: versioned by version, then repeatables by description. */
    List<ResolvedMigration> discover(List<String> locations, boolean defaultLocation, List<Migration<?>> explicit) {
        List<String> problems = new ArrayList<>();
        // By identity: each file is one Resource, and a record's hashCode (bootstrapped through ObjectMethods in a cold
        // JVM, then hashing the absolute path) was per-file work on every boot.
        Map<ResourceScanner.Resource, String> locationOf = new IdentityHashMap<>();
        List<ResourceScanner.Resource> resources = scan(locations, defaultLocation, locationOf, problems);

        Map<String, ResourceScanner.Resource> sidecars = sidecars(resources, target.scriptSuffix(), problems);
        Found found = new Found(target.scriptSuffix(), problems);
        for (ResourceScanner.Resource r : resources) {
            if (r.name().endsWith(".class")) {
                if (JAVA_MIGRATION_NAME.matcher(r.name()).matches()) {
                    Migration<?> m = instantiate(r, problems);
                    if (m != null) {
                        addJava(m, r.path(), found.versioned, found.repeatable, problems);
                    }
                } // else helpers, inner classes and anything else not named like a migration
            } else if (hasSuffix(r.name(), found.suffix)) {
                // The suffix is matched ignoring case, as Flyway does: V2__x.SQL is a migration, never skipped.
                script(r, locationOf.get(r), sidecars, found);
            }
        }
        for (Migration<?> m : explicit) {
            addJava(m, m.getClass().getName(), found.versioned, found.repeatable, problems);
        }
        for (ResolvedMigration m : found.liquibase.migrations(placeholders, problems)) {
            put(found.versioned, m.version(), m, problems);
        }

        List<ResolvedMigration> all = withUndos(found, problems);
        all.addAll(found.repeatable.values());
        for (ResourceScanner.Resource orphan : sidecars.values()) {
            problems.add(orphan.path() + " configures " + orphan.name().substring(0, orphan.name().length()
                    - ScriptConfig.SUFFIX.length()) + ", which is not in the location: rename it to match its "
                    + "script, or delete it");
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new ConfigurationException("The migrations cannot be used as they are; nothing was run", problems);
        }
        all.sort(ResolvedMigration.ORDER);
        LOG.debug("Found {} migration{} in {}", all.size(), all.size() == 1 ? "" : "s", locations);
        return all;
    }

    /** What the scripts of one discovery give, gathered as they are read: the one mutable thing here. */
    private static final class Found {
        final String suffix;
        final MigrationType scriptType;
        final List<String> problems;
        final Map<Version, ResolvedMigration> versioned = new HashMap<>();
        final Map<String, ResolvedMigration> repeatable = new HashMap<>();
        final Map<Version, MigrationSource> undos = new LinkedHashMap<>();
        final LiquibaseMigrations liquibase;

        Found(String suffix, List<String> problems) {
            this.suffix = suffix;
            this.scriptType = suffix.equalsIgnoreCase(".json") ? MigrationType.JSON : MigrationType.SQL;
            this.problems = problems;
            this.liquibase = new LiquibaseMigrations(scriptType == MigrationType.SQL);
        }
    }

    /** Every resource of every location, in scan order; {@code locationOf} says where each was found. */
    private List<ResourceScanner.Resource> scan(List<String> locations, boolean defaultLocation,
                                                Map<ResourceScanner.Resource, String> locationOf,
                                                List<String> problems) {
        List<ResourceScanner.Resource> resources = new ArrayList<>();
        for (String location : locations) {
            try {
                List<ResourceScanner.Resource> found = scanner.scan(location);
                if (found == null) {
                    if (!defaultLocation) {
                        // The absolute path: a relative one depends on the working directory, the usual slip.
                        String resolved = location.startsWith("filesystem:") ? " (" + scanner.resolved(location) + ")"
                                : "";
                        problems.add("location '" + location + "'" + resolved + " does not exist: check the path, or "
                                + "remove it from locations(...)");
                    }
                    continue;
                }
                found.forEach(r -> locationOf.put(r, location));
                resources.addAll(found);
                if (!defaultLocation && found.stream().noneMatch(r -> mayBeMigration(r, target))) {
                    LOG.warn("Location '{}' holds no migration: nothing named like V1__name{} or a migration class "
                            + "was found in {}. Check the path", location, target.scriptSuffix(),
                            scanner.resolved(location));
                }
            } catch (ConfigurationException e) {
                problems.addAll(e.problems());
            }
        }
        return resources;
    }

    /** One script resource: a callback, a versioned, repeatable or undo migration, or a Liquibase changelog. */
    private void script(ResourceScanner.Resource r, String location, Map<String, ResourceScanner.Resource> sidecars,
                        Found found) {
        List<String> problems = found.problems;
        String base = r.name().substring(0, r.name().length() - found.suffix.length());
        String event = Callbacks.eventOf(base);
        NameParts name = null;
        if (event == null) {
            try {
                name = NameParts.parse(base);
            } catch (ConfigurationException e) {
                // Not named like a migration: a Liquibase formatted-SQL changelog is one, whatever its name.
                if (!found.liquibase.offer(r, location, problems)) {
                    problems.add(r.path() + ": " + e.getMessage() + "; rename the file, or move it out of the "
                            + "location");
                }
                return;
            }
        }
        if (name != null && name.version() != null && name.version().length() > MAX_VERSION_LENGTH) {
            problems.add(r.path() + ": the version " + name.version() + " has " + name.version().length()
                    + " characters, more than the history holds (" + MAX_VERSION_LENGTH + "); use a shorter one");
            return;
        }
        // Undo scripts and callbacks have no checksum: their bytes are checked, not hashed.
        MigrationSource.Script script = read(r, sidecars, event == null && !name.prefix().equals("U"), problems);
        if (script == null) {
            return;
        }
        checkPlaceholders(script, r, problems);
        if (event != null) {
            callbacks.add(event, script, problems);
            return;
        }
        Version version = name.version() == null ? null : Version.parse(name.version());
        switch (name.prefix()) {
            case "U" -> {
                MigrationSource clash = found.undos.put(version, script);
                if (clash != null) {
                    problems.add("two undo scripts for version " + name.version() + ": " + pathOf(clash) + " and "
                            + r.path() + "; keep one");
                }
            }
            case "R" -> put(found.repeatable, name.description(), new ResolvedMigration(null, name.description(),
                    found.scriptType, scan.checksum(), script, null), problems);
            default -> put(found.versioned, version, new ResolvedMigration(version, name.description(),
                    found.scriptType, scan.checksum(), script, null), problems);
        }
    }

    /**
     * The script's text, converted by its Flyway configuration file if it has one; null after a problem. Its bytes are
     * scanned once ({@link ScriptScan}): {@code scan} then holds its checksum (with {@code hash}) and whether it may
     * hold placeholders.
     */
    private MigrationSource.Script read(ResourceScanner.Resource r, Map<String, ResourceScanner.Resource> sidecars,
                                        boolean hash, List<String> problems) {
        byte[] content;
        try {
            content = r.read();
        } catch (java.io.UncheckedIOException e) {
            problems.add(r.path() + " cannot be read: " + e.getCause().getMessage());
            return null;
        }
        ScriptConfig sidecar = null;
        ResourceScanner.Resource conf = sidecars.remove(r.path());
        if (conf != null) {
            sidecar = ScriptConfig.parse(conf.path(), conf.read(), problems);
            if (sidecar == null) {
                return null;
            }
            content = sidecar.toUtf8(content);
        }
        String encoding = scan.scan(content, hash);
        if (encoding != null) {
            problems.add(r.path() + " " + encoding);
            return null;
        }
        MigrationSource.Script script = new MigrationSource.Script(r.name(), r.path(), content,
                sidecar == null ? null : sidecar.transaction());
        if (script.transaction() != null && script.text().contains("migrator:transaction")) {
            problems.add(r.path() + " says -- migrator:transaction and its " + conf.name() + " says "
                    + "executeInTransaction: say it once, in one of them");
        }
        return script;
    }

    private void checkPlaceholders(MigrationSource.Script script, ResourceScanner.Resource r, List<String> problems) {
        if (!scan.mayHoldPlaceholders()) {
            return;
        }
        Placeholders.Unknown unknown = placeholders.unknown(script.text());
        for (String u : unknown.listed()) {
            problems.add(r.path() + " " + u + " is not a known placeholder: pass it with placeholders(...) "
                    + "or remove it");
        }
        if (unknown.count() > unknown.listed().size()) {
            problems.add(r.path() + " holds " + (unknown.count() - unknown.listed().size()) + " more unknown "
                    + "placeholders (" + unknown.count() + " in all; the first " + unknown.listed().size()
                    + " are listed): pass them with placeholders(...), or turn placeholderReplacement off");
        }
    }

    /** The versioned migrations, each with its undo script as its down; an undo without its version is a problem. */
    private static List<ResolvedMigration> withUndos(Found found, List<String> problems) {
        List<ResolvedMigration> all = new ArrayList<>(found.versioned.size() + found.repeatable.size());
        for (ResolvedMigration m : found.versioned.values()) {
            MigrationSource undo = found.undos.remove(m.version());
            MigrationSource down = m.down();
            if (undo != null && down != null) {
                problems.add(m.script() + " overrides down() and " + pathOf(undo) + " also undoes version "
                        + m.version() + ": keep one of them");
            } else if (undo != null) {
                down = undo;
            }
            all.add(new ResolvedMigration(m.version(), m.description(), m.type(), m.checksum(), m.up(), down));
        }
        for (Map.Entry<Version, MigrationSource> orphan : found.undos.entrySet()) {
            problems.add(pathOf(orphan.getValue()) + " undoes version " + orphan.getKey()
                    + ", but no versioned migration has that version: rename it to match its V file, or delete it");
        }
        return all;
    }

    /** The Flyway callbacks found by the last {@link #discover} (events in {@code beforeMigrate.sql} style). */
    Callbacks callbacks() {
        return callbacks.callbacks();
    }

    /**
     * The Flyway script configuration files ({@code V1__x.sql.conf}) among the resources, by the path of the script
     * each configures. Only SQL scripts have them, as in Flyway.
     */
    private static Map<String, ResourceScanner.Resource> sidecars(List<ResourceScanner.Resource> resources,
                                                                  String suffix, List<String> problems) {
        Map<String, ResourceScanner.Resource> found = new LinkedHashMap<>();
        for (ResourceScanner.Resource r : resources) {
            String name = r.name();
            if (!name.endsWith(ScriptConfig.SUFFIX)) {
                continue;
            }
            String script = name.substring(0, name.length() - ScriptConfig.SUFFIX.length());
            if (hasSuffix(script, ".sql") && !suffix.equalsIgnoreCase(".sql")) {
                problems.add(r.path() + " is a Flyway script configuration file, which only SQL scripts have: "
                        + "delete it");
            } else if (hasSuffix(script, suffix)) {
                found.put(r.path().substring(0, r.path().length() - ScriptConfig.SUFFIX.length()), r);
            }
        }
        return found;
    }

    private void addJava(Migration<?> m, String where, Map<Version, ResolvedMigration> versioned,
                         Map<String, ResolvedMigration> repeatable, List<String> problems) {
        if (!target.accepts(m)) {
            problems.add(where + " is a " + contextName(m) + " migration, which " + target
                    + " cannot run: implement the migration interface of the target's module (such as JdbcMigration)");
            return;
        }
        String version;
        String description;
        try {
            version = m.version();
            description = m.description();
        } catch (ConfigurationException e) {
            problems.add(where + ": " + e.getMessage() + "; rename the class or override version() and description()");
            return;
        }
        MigrationSource.Java source = new MigrationSource.Java(m);
        MigrationSource down = hasDown(m.getClass()) ? source : null;
        if (version == null) {
            put(repeatable, description,
                    new ResolvedMigration(null, description, MigrationType.JAVA, m.checksum(), source, null), problems);
        } else {
            if (version.length() > MAX_VERSION_LENGTH) {
                problems.add(where + ": the version " + version + " has " + version.length() + " characters, more "
                        + "than the history holds (" + MAX_VERSION_LENGTH + "); use a shorter one");
                return;
            }
            Version v;
            try {
                v = Version.parse(version);
            } catch (ConfigurationException e) {
                problems.add(where + ": " + e.getMessage());
                return;
            }
            put(versioned, v, new ResolvedMigration(v, description, MigrationType.JAVA, m.checksum(), source, down),
                    problems);
        }
    }

    /**
     * The locations that exist but hold nothing named like a migration, each as the absolute path (or class-path
     * URLs) it resolved to. Missing locations are not listed: discovery refuses those.
     */
    static List<String> emptyLocations(MigrationTarget target, List<String> locations, ClassLoader classLoader) {
        ResourceScanner scanner = new ResourceScanner(classLoader);
        List<String> empty = new ArrayList<>();
        for (String location : locations) {
            List<ResourceScanner.Resource> found = scanner.scan(location);
            if (found != null && found.stream().noneMatch(r -> mayBeMigration(r, target))) {
                empty.add(scanner.resolved(location));
            }
        }
        return empty;
    }

    private static boolean mayBeMigration(ResourceScanner.Resource r, MigrationTarget target) {
        return r.name().endsWith(".class") ? JAVA_MIGRATION_NAME.matcher(r.name()).matches()
                : hasSuffix(r.name(), target.scriptSuffix());
    }

    private static boolean hasSuffix(String name, String suffix) {
        return name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length());
    }

    private static <K> void put(Map<K, ResolvedMigration> map, K key, ResolvedMigration m, List<String> problems) {
        ResolvedMigration clash = map.putIfAbsent(key, m);
        if (clash != null) {
            String what = m.repeatable() ? "repeatable migration '" + key + "'" : "version " + key;
            problems.add("two migrations have " + what + ": " + pathOf(clash.up()) + " and " + pathOf(m.up())
                    + "; give one of them another " + (m.repeatable() ? "description" : "version"));
        }
    }

    private static String pathOf(MigrationSource source) {
        return source instanceof MigrationSource.Script s ? s.path() : source.name();
    }

    private static String contextName(Migration<?> m) {
        for (Class<?> c = m.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (Migration.class.isAssignableFrom(i) && i != Migration.class) {
                    return i.getSimpleName();
                }
            }
        }
        return "plain Migration";
    }

    /** Whether a class overrides {@code down}: a real (non-bridge) method declared in a class, not the interface. */
    static boolean hasDown(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals("down") && method.getParameterCount() == 1 && !method.isBridge()
                        && !method.isSynthetic() && !Modifier.isAbstract(method.getModifiers())) {
                    return true;
                }
            }
        }
        return false;
    }

    private Migration<?> instantiate(ResourceScanner.Resource r, List<String> problems) {
        String className = r.path().substring(0, r.path().length() - ".class".length()).replace('/', '.');
        try {
            Class<?> type = Class.forName(className, true, scanner.classLoader());
            if (!Migration.class.isAssignableFrom(type)) {
                problems.add(className + " is named like a migration but does not implement Migration: "
                        + "implement JdbcMigration (or MongoMigration), or rename it");
                return null;
            }
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                return null;
            }
            return instance(type, problems);
        } catch (ReflectiveOperationException | LinkageError e) {
            problems.add(className + " cannot be instantiated (" + e + "): give it a public no-argument constructor, "
                    + "or pass an instance with migrations(...)");
            return null;
        }
    }

    private static Migration<?> instance(Class<?> type, List<String> problems) throws ReflectiveOperationException {
        try {
            return (Migration<?>) type.getDeclaredConstructor().newInstance();
        } catch (IllegalAccessException e) {
            String hint = ModuleAccess.openingHint(type);
            if (hint == null) {
                throw e;
            }
            problems.add(hint);
            return null;
        }
    }
}
