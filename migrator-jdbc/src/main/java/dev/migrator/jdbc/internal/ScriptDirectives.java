package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;

import java.util.Locale;

/**
 * Reads the {@code -- migrator:transaction=true|false} line of a script. One pass over the lines, looking at each
 * line's start only, so its time grows with the script (a regular expression with {@code ^\s*} under MULTILINE
 * retried every blank line from every blank line: 100 KiB of them took over 10 s).
 */
public final class ScriptDirectives {
    private static final String NAME = "migrator:transaction";

    private ScriptDirectives() {
    }

    /**
     * The script's transaction directive: {@code TRUE}, {@code FALSE}, or null when it has none. The first directive
     * line counts.
     *
     * @throws ConfigurationException naming the line when a directive says something else than true or false
     */
    public static Boolean transaction(String scriptName, String text) {
        if (!mentions(text, NAME)) {
            return null;
        }
        int len = text.length();
        int line = 1;
        int pos = 0;
        while (pos < len) {
            int end = pos;
            while (end < len && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            Boolean found = parseLine(scriptName, line, text, pos, end);
            if (found != null) {
                return found;
            }
            if (end < len && text.charAt(end) == '\r' && end + 1 < len && text.charAt(end + 1) == '\n') {
                end++;
            }
            pos = end + 1;
            line++;
        }
        return null;
    }

    /**
     * Whether {@code text} holds {@code directive} (such as {@code migrator:transaction}) anywhere, in any case. Every
     * script is read for its directives before it runs, and almost none has one: looking from each {@code :} (found
     * with {@link String#indexOf(int, int)}, which the JIT makes a vector scan) saves walking every line of it.
     */
    static boolean mentions(String text, String directive) {
        int colon = directive.indexOf(':');
        for (int c = text.indexOf(':'); c >= 0; c = text.indexOf(':', c + 1)) {
            if (c >= colon && text.regionMatches(true, c - colon, directive, 0, directive.length())) {
                return true;
            }
        }
        return false;
    }

    private static Boolean parseLine(String scriptName, int line, String text, int from, int to) {
        int i = skipBlanks(text, from, to);
        if (!text.startsWith("--", i)) {
            return null;
        }
        i = skipBlanks(text, i + 2, to);
        if (!text.regionMatches(true, i, NAME, 0, NAME.length())) {
            return null;
        }
        String rest = text.substring(i + NAME.length(), to).strip();
        String value = rest.startsWith("=") ? rest.substring(1).strip().toLowerCase(Locale.ROOT) : "";
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigurationException(scriptName + " line " + line + ": '" + text.substring(from, to).strip()
                    + "' must read -- migrator:transaction=true or -- migrator:transaction=false");
        }
        return Boolean.valueOf(value);
    }

    private static int skipBlanks(String text, int from, int to) {
        int i = from;
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\f'
                || text.charAt(i) == 0x0B)) {
            i++;
        }
        return i;
    }
}
