package dev.migrator.core;

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

    /** The unknown placeholders of a script, each as {@code "line N: ${name}"}. */
    List<String> unknown(String script) {
        List<String> problems = new ArrayList<>();
        if (!enabled) {
            return problems;
        }
        int from = 0;
        while ((from = script.indexOf("${", from)) >= 0) {
            int end = script.indexOf('}', from + 2);
            if (end < 0) {
                break;
            }
            String name = script.substring(from + 2, end);
            if (!values.containsKey(name)) {
                problems.add("line " + lineOf(script, from) + ": ${" + name + "}");
            }
            from = end + 1;
        }
        return problems;
    }

    String replace(String script) {
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
            String value = values.get(script.substring(start + 2, end));
            out.append(script, from, start);
            out.append(value != null ? value : script.substring(start, end + 1));
            from = end + 1;
        }
        return out.append(script, from, script.length()).toString();
    }

    private static int lineOf(String s, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
