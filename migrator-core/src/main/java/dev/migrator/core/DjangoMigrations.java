package dev.migrator.core;

import dev.migrator.api.ValidationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Django's migrations, read from the {@code <app>/migrations/<name>.py} files under the locations without running
 * them, checked against the rows of {@code django_migrations} (one per applied migration: app, name, applied).
 */
final class DjangoMigrations {
    /** Apps whose migrations ship inside Django itself, so no location holds them: their rows are taken as they are. */
    static final Set<String> BUILT_IN_APPS = Set.of("admin", "auth", "contenttypes", "sessions", "sites", "flatpages",
            "redirects");
    private static final Set<String> SPECIAL = Set.of("__first__", "__latest__");

    /** A row of {@code django_migrations}, in id order. */
    record Row(String app, String name, Instant applied) {
    }

    /**
     * A migration file.
     *
     * @param dependencies {@code app.name} of each migration it depends on (literal ones only)
     * @param replaces     {@code app.name} of each migration a squashed migration replaces
     */
    record File(String app, String name, String script, List<String> dependencies, List<String> replaces) {
        String key() {
            return app + "." + name;
        }
    }

    private final Map<String, File> files;
    private final Set<String> apps;

    private DjangoMigrations(Map<String, File> files) {
        this.files = files;
        this.apps = new HashSet<>();
        files.values().forEach(f -> apps.add(f.app()));
    }

    /**
     * Reads the migration files among {@code scripts}: {@code .py} files in a folder named {@code migrations}, except
     * {@code __init__.py} and names Django skips ({@code _...}, {@code ~...}); the app is the folder above.
     *
     * @throws ValidationException naming the file and line whose dependencies are not literals
     */
    static DjangoMigrations read(List<ToolScript> scripts) {
        Map<String, File> files = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ToolScript s : scripts.stream().sorted((a, b) -> a.path().compareTo(b.path())).toList()) {
            String name = s.name();
            if (!name.endsWith(".py") || !s.folder().equals("migrations") || s.parentFolder().isEmpty()
                    || name.startsWith("_") || name.startsWith("~")) {
                continue;
            }
            String app = s.parentFolder();
            String migration = name.substring(0, name.length() - 3);
            try {
                files.put(app + "." + migration, new File(app, migration, s.path(),
                        pairs(s, "dependencies", problems), pairs(s, "replaces", problems)));
            } catch (PythonAssignments.NotLiteral e) {
                problems.add(s.path() + ":" + e.line + ": " + e.getMessage() + "; migrator reads dependencies and "
                        + "replaces without running the migration, so write them as a list of ('app', 'name') tuples");
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("Django's migration files cannot be read", problems);
        }
        return new DjangoMigrations(files);
    }

    /**
     * The applied migrations, in the order {@code django_migrations} recorded them, each checked against its file.
     *
     * @throws ValidationException naming each row with no file, each app with no migrations folder in the locations,
     *                             and each applied migration whose dependency is not applied; nothing is written
     */
    List<ToolMigration> applied(List<Row> rows, String table) {
        Set<String> applied = new HashSet<>();
        for (Row r : rows) {
            applied.add(r.app() + "." + r.name());
            File squash = files.get(r.app() + "." + r.name());
            if (squash != null) {
                applied.addAll(squash.replaces());
            }
        }
        Set<String> replaced = new HashSet<>();
        files.values().forEach(f -> replaced.addAll(f.replaces()));
        List<String> problems = new ArrayList<>();
        Set<String> missingApps = new java.util.TreeSet<>();
        List<ToolMigration> out = new ArrayList<>();
        for (Row r : rows) {
            String key = r.app() + "." + r.name();
            File f = files.get(key);
            if (f == null) {
                if (BUILT_IN_APPS.contains(r.app())) {
                    out.add(new ToolMigration(key, description(r.name()), "django.contrib." + r.app(), r.applied()));
                } else if (!apps.contains(r.app())) {
                    missingApps.add(r.app());
                } else if (!replaced.contains(key)) {
                    problems.add(table + " records " + key + " as applied, but " + r.app() + "/migrations has no "
                            + r.name() + ".py; restore the file, or (if it was deleted on purpose) squash it with "
                            + "Django's squashmigrations first");
                }
                continue;
            }
            for (String dependency : f.dependencies()) {
                String depApp = dependency.substring(0, dependency.indexOf('.'));
                String depName = dependency.substring(dependency.indexOf('.') + 1);
                if (apps.contains(depApp) && !SPECIAL.contains(depName) && !applied.contains(dependency)) {
                    problems.add(f.script() + ": " + key + " is applied but its dependency " + dependency + " is not "
                            + "in " + table + " (Django calls this an inconsistent history); apply " + dependency
                            + " with Django first");
                }
            }
            out.add(new ToolMigration(key, description(r.name()), f.script(), r.applied()));
        }
        for (String app : missingApps) {
            problems.add(table + " records migrations of app '" + app + "', but no location holds " + app
                    + "/migrations; add the folder that holds the app to the locations");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("Django's history does not match its migration files", problems);
        }
        return List.copyOf(out);
    }

    /** {@code 0002_account_iban} reads "account iban". */
    static String description(String name) {
        return name.replaceFirst("^\\d+_", "").replace('_', ' ');
    }

    private static List<String> pairs(ToolScript s, String attribute, List<String> problems)
            throws PythonAssignments.NotLiteral {
        PythonAssignments.Assignment a = findLiteral(s.text(), attribute);
        List<String> out = new ArrayList<>();
        if (a == null || !(a.value() instanceof List<?> items)) {
            return out;
        }
        for (Object item : items) {
            if (item instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof String app
                    && pair.get(1) instanceof String name) {
                out.add(app + "." + name);
            } else {
                problems.add(s.path() + ":" + a.line() + ": each item of " + attribute + " must be an ('app', 'name') "
                        + "tuple");
            }
        }
        return out;
    }

    /**
     * The attribute's literal value. A dependency that is not a literal (Django's
     * {@code migrations.swappable_dependency(settings.AUTH_USER_MODEL)}) names a built-in app: it is not checked.
     */
    private static PythonAssignments.Assignment findLiteral(String text, String attribute)
            throws PythonAssignments.NotLiteral {
        String cleaned = text.replaceAll("migrations\\.swappable_dependency\\([^)]*\\)\\s*,?", "");
        return PythonAssignments.find(cleaned, attribute, false);
    }
}
