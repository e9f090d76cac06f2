package dev.migrator.core;

import dev.migrator.api.ValidationException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alembic's revision graph, read from the {@code revision} / {@code down_revision} / {@code depends_on} assignments
 * of its version scripts without running them. {@code alembic_version} holds only the current head(s); what ran is
 * every head and all it descends from, which {@link #applied} walks.
 */
final class AlembicRevisions {
    /**
     * One version script.
     *
     * @param id            its revision id
     * @param downRevisions the revisions it follows: none for a root, two or more for a merge
     * @param dependsOn     revisions it depends on in other branches
     * @param description   the first line of its docstring, else its file name without the id
     * @param script        its path
     */
    record Revision(String id, List<String> downRevisions, List<String> dependsOn, String description,
                    String script) {
    }

    private final Map<String, Revision> revisions;

    private AlembicRevisions(Map<String, Revision> revisions) {
        this.revisions = revisions;
    }

    /** Every revision read, in script path order. */
    Collection<Revision> revisions() {
        return revisions.values();
    }

    /**
     * Reads the version scripts among {@code files}: the {@code .py} files that assign {@code revision} at the start
     * of a line. Checks that ids are unique and every revision they name exists.
     *
     * @throws ValidationException naming each file and line that cannot be read, before anything is written
     */
    static AlembicRevisions read(List<ToolScript> files) {
        Map<String, Revision> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ToolScript f : files.stream().sorted((a, b) -> a.path().compareTo(b.path())).toList()) {
            if (!f.name().endsWith(".py")) {
                continue;
            }
            try {
                PythonAssignments.Assignment revision = PythonAssignments.find(f.text(), "revision", true);
                if (revision == null) {
                    continue;
                }
                if (!(revision.value() instanceof String id) || id.isBlank()) {
                    problems.add(f.path() + ":" + revision.line() + ": revision must be a string such as "
                            + "revision = 'ae1027a6acf'");
                    continue;
                }
                PythonAssignments.Assignment down = PythonAssignments.find(f.text(), "down_revision", true);
                if (down == null) {
                    problems.add(f.path() + ": has revision = '" + id + "' but no down_revision; write "
                            + "down_revision = None for the first revision");
                    continue;
                }
                List<String> downs = ids(down.value(), f, down.line(), "down_revision", problems);
                PythonAssignments.Assignment deps = PythonAssignments.find(f.text(), "depends_on", true);
                List<String> dependsOn = deps == null ? List.of()
                        : ids(deps.value(), f, deps.line(), "depends_on", problems);
                Revision previous = byId.putIfAbsent(id, new Revision(id, downs, dependsOn, description(f, id),
                        f.path()));
                if (previous != null) {
                    problems.add(f.path() + ":" + revision.line() + ": revision '" + id + "' is also the revision of "
                            + previous.script() + "; give each script its own id");
                }
            } catch (PythonAssignments.NotLiteral e) {
                problems.add(f.path() + ":" + e.line + ": " + e.getMessage() + "; migrator reads revision, "
                        + "down_revision and depends_on without running the script, so write them as a string, None, "
                        + "or a tuple of strings");
            }
        }
        for (Revision r : byId.values()) {
            for (String parent : concat(r.downRevisions(), r.dependsOn())) {
                if (!byId.containsKey(parent)) {
                    problems.add(r.script() + ": revision '" + r.id() + "' follows '" + parent + "', which no "
                            + "version script in the locations has; add the locations that hold all of Alembic's "
                            + "versions folder");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("Alembic's version scripts cannot be read", problems);
        }
        return new AlembicRevisions(byId);
    }

    /**
     * What ran when {@code alembic_version} holds {@code heads}: each head and everything it follows, parents before
     * children (the order Alembic applied them; between branches, script path order).
     *
     * @throws ValidationException when a head has no version script in the locations
     */
    List<Revision> applied(List<String> heads, String table) {
        List<String> problems = new ArrayList<>();
        for (String head : heads) {
            if (!revisions.containsKey(head)) {
                problems.add(table + " holds revision '" + head + "', which no version script in the locations has; "
                        + "add the locations that hold Alembic's versions folder (alembic.ini's script_location), or "
                        + "restore the script of that revision");
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("Alembic's history does not match its version scripts", problems);
        }
        Set<String> ran = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(heads);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (ran.add(id)) {
                Revision r = revisions.get(id);
                todo.addAll(concat(r.downRevisions(), r.dependsOn()));
            }
        }
        // Parents first; among revisions ready at once, script path order, so the order is stable.
        List<Revision> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (order.size() < ran.size()) {
            Revision next = null;
            for (Revision r : revisions.values()) {
                if (ran.contains(r.id()) && !done.contains(r.id()) && done.containsAll(concat(r.downRevisions(),
                        r.dependsOn()))) {
                    next = r;
                    break;
                }
            }
            if (next == null) {
                List<String> cycle = ran.stream().filter(id -> !done.contains(id)).sorted().toList();
                throw new ValidationException("Alembic's version scripts cannot be ordered", List.of("revisions "
                        + cycle + " follow one another in a circle; fix their down_revision"));
            }
            order.add(next);
            done.add(next.id());
        }
        return List.copyOf(order);
    }

    private static List<String> ids(Object value, ToolScript f, int line, String name, List<String> problems) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof String s) {
            out.add(s);
            return out;
        }
        for (Object o : (List<?>) value) {
            if (o instanceof String s) {
                out.add(s);
            } else {
                problems.add(f.path() + ":" + line + ": " + name + " must be a string, None, or a tuple of strings");
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The docstring's first line, as Alembic writes the message there; else the file name after the id. */
    private static String description(ToolScript f, String id) {
        String text = f.text().stripLeading();
        for (String quote : List.of("\"\"\"", "'''")) {
            if (text.startsWith(quote)) {
                String first = text.substring(3).strip().lines().findFirst().orElse("");
                int end = first.indexOf(quote);
                first = (end < 0 ? first : first.substring(0, end)).strip();
                if (!first.isEmpty()) {
                    return first;
                }
            }
        }
        String base = f.name().substring(0, f.name().length() - 3);
        if (base.startsWith(id + "_")) {
            base = base.substring(id.length() + 1);
        }
        return base.replace('_', ' ');
    }
}
