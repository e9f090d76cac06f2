package dev.migrator.api.spi;

import java.util.regex.Pattern;

/**
 * Keeps credentials out of messages, logs and the history: driver errors sometimes echo the connection URL.
 * Targets pass every message that may hold a URL or a driver error through {@link #mask}.
 */
public final class Secrets {
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|token|accesstoken|apikey)(\\s*[=:]\\s*)([^&;,\\s)'\"]+)");
    private static final Pattern USER_INFO = Pattern.compile("(://[^/:@\\s]+):([^@/\\s]+)@");
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(?i)(\"(?:password|passwd|pwd|secret|token)\"\\s*:\\s*)\"[^\"]*\"");
    private static final Pattern SQL_LITERAL = Pattern.compile("(?i)\\b(PASSWORD|IDENTIFIED\\s+BY)(\\s+)'(?:[^']|'')*'");

    private Secrets() {
    }

    /** The text with any password-like value and URL user-info password replaced by {@code ****}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = JSON_FIELD.matcher(text).replaceAll("$1\"****\"");
        masked = SQL_LITERAL.matcher(masked).replaceAll("$1$2'****'");
        masked = KEY_VALUE.matcher(masked).replaceAll("$1$2****");
        return USER_INFO.matcher(masked).replaceAll("$1:****@");
    }

    /** The text cut to {@code max} characters, marked when cut. */
    public static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "... (" + (text.length() - max) + " more characters)";
    }
}
