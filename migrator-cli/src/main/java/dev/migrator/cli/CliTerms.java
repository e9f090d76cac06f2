package dev.migrator.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where the library's messages are put in command-line terms: the library says {@code repair()} and
 * {@code lockTimeout(...)} to a Java programmer, the command line says {@code migrator repair} and
 * {@code --lock-timeout} to whoever typed the command. Every message the CLI prints passes through {@link #of}.
 */
final class CliTerms {
    /** Library wording, then its command-line equivalent; calls with arguments are handled by the patterns below. */
    private static final String[][] WORDS = {
        {"repair()", "migrator repair"},
        {"lockTimeout(...)", "--lock-timeout"},
        {"than lockTimeout (", "than --lock-timeout ("},
        {"historyTable: '", "--table: '"},
        {"Set historyTable to '", "Set --table to '"},
        {"installedBy: ", "--installed-by: "},
        {", or turn placeholderReplacement off", ""},
        {"locations(...)", "--locations"},
        {"placeholders(...)", "--placeholder NAME=VALUE"},
        {"outOfOrder(true)", "--out-of-order"},
        {"schema(...)", "--schema"},
        {"historyTable()", "--table"},
        {"info()", "migrator info"},
        {"migrate()", "migrator migrate"},
        {"baseline()", "migrator baseline"},
        {"validate()", "migrator validate"},
    };
    /** {@code markApplied("2", "<reason>")}, {@code markApplied("2", ...)}, {@code markApplied("2", reason)}. */
    private static final Pattern MARK_APPLIED = Pattern.compile("markApplied\\(\\\\?\"([^\"\\\\]{0,200})\\\\?\", [^)]{0,40}\\)");
    private static final Pattern MIGRATE_TO = Pattern.compile("migrateTo\\(([^)]{0,200})\\)");
    private static final Pattern ROLLBACK = Pattern.compile("rollback\\((\\d{1,9})\\)");
    private static final Pattern SCHEMA = Pattern.compile("schema\\(\"([^\"]{0,200})\"\\)");

    private CliTerms() {
    }

    /** The message in command-line terms; {@code null} for {@code null}. */
    static String of(String message) {
        if (message == null) {
            return null;
        }
        String out = replace(message, MARK_APPLIED, m -> "migrator repair --mark-applied " + m.group(1)
                + " --reason \"<reason>\"");
        out = replace(out, MIGRATE_TO, m -> "migrate --to " + m.group(1));
        out = replace(out, ROLLBACK, m -> "rollback --count " + m.group(1));
        out = replace(out, SCHEMA, m -> "--schema " + m.group(1));
        for (String[] word : WORDS) {
            out = out.replace(word[0], word[1]);
        }
        return out;
    }

    private static String replace(String text, Pattern pattern, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        return m.appendTail(out).toString();
    }
}
