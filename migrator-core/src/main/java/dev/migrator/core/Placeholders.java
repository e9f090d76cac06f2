package dev.migrator.core;

import dev.migrator.api.internal.Secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replaces {@code ${name}} in scripts. An unknown name is an error, never left in place: a script that silently
 * creates a table named {@code ${tenant}_orders} is worse than one that does not run.
 */
final class Placeholders {
    private final Map<String, String> values;
    private final boolean enabled;

    Placeholders(Map<String, String> values) {
        this(values, true);
    }

    /** With {@code enabled} false, scripts are left exactly as written, {@code ${...}} included. */
    Placeholders(Map<String, String> values, boolean enabled) {
        this.values = Map.copyOf(values);
        this.enabled = enabled;
    }

    /** How many unknown placeholders of one script a message lists by name; the rest are counted. */
    static final int LISTED = 5;
    /** Longer names are cut in messages: a stray {@code ${} can swallow a whole script up to its next brace. */
    private static final int NAME_SHOWN = 40;

    /**
     * The unknown placeholders of a script: the first {@link #LISTED}, each as {@code "line N: ${name}"}, and how
     * many there are in all.
     *
     * @param listed the first ones, in script order
     * @param count  all of them, listed or not
     */
    record Unknown(List<String> listed, int count) {
        boolean isEmpty() {
            return count == 0;
        }
    }

    /** Finds the unknown placeholders in one pass, counting lines as it goes, so its time grows with the script. */
    Unknown unknown(String script) {
        List<String> listed = new ArrayList<>();
        if (!enabled) {
            return new Unknown(listed, 0);
        }
        int count = 0;
        int line = 1;
        int counted = 0;
        int from = 0;
        while ((from = script.indexOf("${", from)) >= 0) {
            int end = script.indexOf('}', from + 2);
            if (end < 0) {
                break;
            }
            String name = script.substring(from + 2, end);
            if (!values.containsKey(name) && !FlywayPlaceholders.isBuiltIn(name)) {
                count++;
                if (listed.size() < LISTED) {
                    for (; counted < from; counted++) {
                        if (script.charAt(counted) == '\n') {
                            line++;
                        }
                    }
                    String shown = name.length() > NAME_SHOWN ? name.substring(0, NAME_SHOWN) + "..." : name;
                    listed.add("line " + line + ": ${" + shown + "}");
                }
            }
            from = end + 1;
        }
        return new Unknown(List.copyOf(listed), count);
    }

    /** The values of the placeholders whose names say they are secrets ({@link Secrets#isSecretName}). */
    List<String> secretValues() {
        List<String> out = new ArrayList<>();
        values.forEach((name, value) -> {
            if (Secrets.isSecretName(name) && value != null && !value.isEmpty()) {
                out.add(value);
            }
        });
        return out;
    }

    /** The script with its placeholders replaced; Flyway's built-in {@code ${flyway:...}} names are left as written. */
    String replace(String script) {
        return replace(script, null, null, false);
    }

    /**
     * The script with its placeholders replaced, Flyway's built-in {@code ${flyway:...}} names included (a value
     * given with {@code placeholders(...)} wins over a built-in one of the same name).
     *
     * @param fileName what {@code ${flyway:filename}} reads; with {@code builtIns} null, built-ins are left as written
     */
    String replace(String script, String fileName, FlywayPlaceholders builtIns) {
        return replace(script, fileName, builtIns, false);
    }

    /**
     * As {@link #replace(String, String, FlywayPlaceholders)}, for a script that is shown rather than run (a plan,
     * lint findings): a placeholder whose name says it is a secret stays {@code ${name}}.
     */
    String replaceShown(String script) {
        return replace(script, null, null, true);
    }

    /** As {@link #replaceShown(String)}, with Flyway's built-in names. */
    String replaceShown(String script, String fileName, FlywayPlaceholders builtIns) {
        return replace(script, fileName, builtIns, true);
    }

    private String replace(String script, String fileName, FlywayPlaceholders builtIns, boolean shown) {
        if (!enabled || script.indexOf("${") < 0) {
            return script;
        }
        StringBuilder out = new StringBuilder(script.length());
        int from = 0;
        int start;
        while ((start = script.indexOf("${", from)) >= 0) {
            int end = script.indexOf('}', start + 2);
            if (end < 0) {
                break;
            }
            String name = script.substring(start + 2, end);
            String value = shown && Secrets.isSecretName(name) ? null : values.get(name);
            if (value == null && builtIns != null && FlywayPlaceholders.isBuiltIn(name)) {
                value = builtIns.value(name, fileName);
            }
            out.append(script, from, start);
            out.append(value != null ? value : script.substring(start, end + 1));
            from = end + 1;
        }
        return out.append(script, from, script.length()).toString();
    }
}
