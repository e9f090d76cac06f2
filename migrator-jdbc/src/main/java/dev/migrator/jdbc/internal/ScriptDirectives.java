package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;


/**
 * The {@code -- migrator:transaction=true|false} line of a script, for the linter in another package; the run reads
 * it with the other directives ({@link Directives}).
 */
public final class ScriptDirectives {
    private ScriptDirectives() {
    }

    /**
     * The script's transaction directive: {@code TRUE}, {@code FALSE}, or null when it has none. The first directive
     * line counts. Read with the script's other directives ({@link Directives}), which are checked too.
     *
     * @throws ConfigurationException naming the line when a directive says something else than true or false, or is
     *                                none migrator knows
     */
    public static Boolean transaction(String scriptName, String text) {
        return Directives.parse(scriptName, text).transaction();
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
}
