package dev.migrator.jdbc.internal.lint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -- migrator:allow <RULE-ID> <reason>} comments of one script. A comment acknowledges a finding of the
 * statement that starts on the next line; several such comments may be stacked above one statement.
 */
final class Allowances {
    static final Allowances NONE = new Allowances(new String[0]);
    private static final Pattern ALLOW = Pattern.compile("^\\s*--\\s*migrator:allow\\s+([A-Za-z0-9_-]+)\\s*(.*?)\\s*$");

    private final String[] lines;

    private Allowances(String[] lines) {
        this.lines = lines;
    }

    static Allowances of(String script) {
        return script.contains("migrator:allow") ? new Allowances(script.split("\r\n|\r|\n", -1)) : NONE;
    }

    /**
     * The reason given for {@code rule} right above the statement starting on {@code line}, or null.
     * A comment with no reason still acknowledges, with "no reason given" recorded, so the history shows it.
     */
    String reason(int line, String rule) {
        for (int i = line - 2; i >= 0 && i < lines.length; i--) {
            String text = lines[i].trim();
            if (!text.startsWith("--")) {
                return null;
            }
            Matcher m = ALLOW.matcher(text);
            if (m.matches() && m.group(1).equalsIgnoreCase(rule)) {
                return m.group(2).isEmpty() ? "no reason given" : m.group(2);
            }
        }
        return null;
    }
}
