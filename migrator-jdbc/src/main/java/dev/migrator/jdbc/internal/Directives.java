package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A script's directives, read in one pass over its lines: {@code -- migrator:transaction=true|false},
 * {@code -- migrator:lock-timeout=30s} and {@code -- migrator:statement-timeout=10m} (units {@code ms}, {@code s},
 * {@code m}, {@code h}; {@code none} for the database's own setting or no limit). The linter reads
 * {@code -- migrator:allow}. Read line by line without a regex, so a script of any size costs one pass (a regular
 * expression with {@code ^\s*} under MULTILINE retried every blank line from every blank line: 100 KiB of them took
 * over 10 s).
 *
 * @param transaction      null when the script does not say; the first directive counts
 * @param lockTimeout      null when the script does not say; {@link #NONE} for "none"
 * @param statementTimeout null when the script does not say; {@link #NONE} for "none"
 */
record Directives(Boolean transaction, Duration lockTimeout, Duration statementTimeout) {
    /** What "none" reads as: the database's own setting (lock timeout) or no limit (statement timeout). */
    static final Duration NONE = Duration.ofMillis(-1);
    private static final String PREFIX = "migrator:";
    private static final String TRANSACTION = "transaction";
    private static final String LOCK = "lock-timeout";
    private static final String STATEMENT = "statement-timeout";
    /** Every directive a script may hold; {@code allow} is the linter's. */
    private static final List<String> KNOWN = List.of(TRANSACTION, LOCK, STATEMENT, "allow");

    /**
     * Reads the directives, in any case and with blanks around {@code =}. A {@code -- migrator:} comment that is meant as a directive but is none migrator knows (it sets a
     * value with {@code =}, or its name is a near miss of one, such as {@code lock_timeout} or {@code alow}) is
     * refused, naming the line: ignored, the script would run with settings its author did not choose. Other
     * comments that start with {@code migrator:} (prose) are left alone.
     *
     * @throws ConfigurationException naming the script and the line
     */
    static Directives parse(String scriptName, String text) {
        if (!ScriptDirectives.mentions(text, PREFIX)) {
            return new Directives(null, null, null);
        }
        Boolean transaction = null;
        Duration lock = null;
        Duration statement = null;
        int line = 1;
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = start;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int i = start;
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i + 1 < end && text.charAt(i) == '-' && text.charAt(i + 1) == '-') {
                String comment = text.substring(i + 2, end).strip();
                if (comment.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                    int nameEnd = PREFIX.length();
                    while (nameEnd < comment.length() && isNamePart(comment.charAt(nameEnd))) {
                        nameEnd++;
                    }
                    String name = comment.substring(PREFIX.length(), nameEnd).toLowerCase(Locale.ROOT);
                    String rest = comment.substring(nameEnd).strip();
                    if (name.equals(TRANSACTION)) {
                        String value = rest.startsWith("=") ? rest.substring(1).strip().toLowerCase(Locale.ROOT) : "";
                        if (!value.equals("true") && !value.equals("false")) {
                            throw new ConfigurationException(scriptName + " line " + line + ": '"
                                    + text.substring(start, end).strip() + "' must read -- migrator:transaction=true "
                                    + "or -- migrator:transaction=false");
                        }
                        if (transaction == null) {
                            transaction = Boolean.valueOf(value);
                        }
                    } else if (name.equals(LOCK) || name.equals(STATEMENT)) {
                        if (!rest.startsWith("=")) {
                            throw new ConfigurationException(scriptName + " line " + line + ": -- migrator:" + name
                                    + " needs a value: write -- migrator:" + name + "=30s (ms, s, m or h), or =none");
                        }
                        Duration d = duration(scriptName, line, rest.substring(1));
                        if (name.equals(LOCK)) {
                            lock = d;
                        } else {
                            statement = d;
                        }
                    } else if (!KNOWN.contains(name) && (rest.startsWith("=") || nearMiss(name))) {
                        throw new ConfigurationException(scriptName + " line " + line + ": -- "
                                + comment.substring(0, nameEnd) + " is not a directive migrator knows, so it would be "
                                + "ignored; the directives are "
                                + "-- migrator:transaction=true|false, -- migrator:lock-timeout=<time>|none, "
                                + "-- migrator:statement-timeout=<time>|none and -- migrator:allow <RULE-ID> <reason>. "
                                + "Correct it, or write the comment without the colon after migrator");
                    }
                }
            }
            if (end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
            line++;
        }
        return new Directives(transaction, lock, statement);
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    /** Whether {@code name} is within two edits of a directive's name: a typo, not a word of its own. */
    private static boolean nearMiss(String name) {
        for (String known : KNOWN) {
            if (Math.abs(known.length() - name.length()) <= 2 && edits(name, known) <= 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * Levenshtein distance, two rows: the names are a few characters long and this runs only for a comment that
     * starts with {@code migrator:} and is no directive, so a library for it would weigh more than it saves.
     */
    static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Duration duration(String scriptName, int line, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("none")) {
            return NONE;
        }
        int unit = 0;
        while (unit < v.length() && Character.isDigit(v.charAt(unit))) {
            unit++;
        }
        if (unit > 0 && unit <= 9) {
            long n = Long.parseLong(v.substring(0, unit));
            switch (v.substring(unit)) {
                case "ms":
                    return Duration.ofMillis(n);
                case "s":
                    return Duration.ofSeconds(n);
                case "m":
                    return Duration.ofMinutes(n);
                case "h":
                    return Duration.ofHours(n);
                default:
                    break;
            }
        }
        throw new ConfigurationException(scriptName + " line " + line + ": '" + value.strip() + "' is not a timeout; "
                + "write a whole number with ms, s, m or h (such as 30s or 10m), or none");
    }

    /** The lock timeout to run with, given the configured one for scripts holding DDL. */
    Duration lockTimeout(boolean holdsDdl, Duration configured) {
        if (lockTimeout != null) {
            return lockTimeout == NONE ? null : lockTimeout;
        }
        return holdsDdl ? configured : null;
    }

    /** The statement timeout to run with, given the configured one. */
    Duration statementTimeout(Duration configured) {
        if (statementTimeout != null) {
            return statementTimeout == NONE ? null : statementTimeout;
        }
        return configured;
    }
}
