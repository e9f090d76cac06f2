package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;

import java.time.Duration;
import java.util.Locale;

/**
 * The per-script timeout directives: {@code -- migrator:lock-timeout=30s} and
 * {@code -- migrator:statement-timeout=10m} (units {@code ms}, {@code s}, {@code m}, {@code h}; {@code none} for the
 * database's own setting or no limit). Read line by line without a regex, so a script of any size costs one pass.
 *
 * @param lockTimeout      null when the script does not say; {@link #NONE} for "none"
 * @param statementTimeout null when the script does not say; {@link #NONE} for "none"
 */
record TimeoutDirectives(Duration lockTimeout, Duration statementTimeout) {
    /** What "none" reads as: the database's own setting (lock timeout) or no limit (statement timeout). */
    static final Duration NONE = Duration.ofMillis(-1);
    private static final String LOCK = "migrator:lock-timeout=";
    private static final String STATEMENT = "migrator:statement-timeout=";

    static TimeoutDirectives parse(String scriptName, String text) {
        if (!text.contains("migrator:")) {
            return new TimeoutDirectives(null, null); // the directives are case-sensitive: none can be there
        }
        Duration lock = null;
        Duration statement = null;
        int line = 1;
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int i = start;
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i + 1 < end && text.charAt(i) == '-' && text.charAt(i + 1) == '-') {
                String comment = text.substring(i + 2, end).strip();
                if (comment.startsWith(LOCK)) {
                    lock = duration(scriptName, line, comment.substring(LOCK.length()));
                } else if (comment.startsWith(STATEMENT)) {
                    statement = duration(scriptName, line, comment.substring(STATEMENT.length()));
                }
            }
            start = end + 1;
            line++;
        }
        return new TimeoutDirectives(lock, statement);
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
