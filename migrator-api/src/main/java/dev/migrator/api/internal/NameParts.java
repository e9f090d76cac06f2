package dev.migrator.api.internal;

import dev.migrator.api.ConfigurationException;

/**
 * The parts of a migration's name, such as {@code V2_1__Add_email} or {@code R__Views}, without the file suffix. Not
 * API: read by core's discovery and by {@code Migration}'s default methods, which is why it lives in this module.
 *
 * @param prefix      {@code "V"}, {@code "U"} or {@code "R"}
 * @param version     the version with {@code _} read as {@code .}; {@code null} for {@code R}
 * @param description the description with {@code _} read as a space
 */
public record NameParts(String prefix, String version, String description) {

    /**
     * Parses a name such as {@code V2_1__Add_email}. Hand-written rather than a regular expression: it runs for
     * every file on every boot.
     *
     * @throws ConfigurationException naming the offending name and what a good one looks like
     */
    public static NameParts parse(String name) {
        int separator = name.indexOf("__");
        char first = name.isEmpty() ? ' ' : name.charAt(0);
        if ((first != 'V' && first != 'U' && first != 'R') || separator < 1 || separator + 2 >= name.length()) {
            throw new ConfigurationException("'" + name + "' is not a migration name: expected V<version>__<description>, "
                    + "U<version>__<description> or R__<description>, such as V2_1__Add_email");
        }
        String prefix = String.valueOf(first);
        String rawVersion = name.substring(1, separator);
        String rawDescription = name.substring(separator + 2);
        String description = rawDescription.replace('_', ' ').trim();
        if (prefix.equals("R")) {
            if (!rawVersion.isEmpty()) {
                throw new ConfigurationException("'" + name + "': a repeatable migration has no version; name it R__<description>");
            }
            return new NameParts(prefix, null, description);
        }
        if (rawVersion.isEmpty()) {
            throw new ConfigurationException("'" + name + "' has no version: write it as " + prefix
                    + "<version>__<description>, such as " + prefix + "1__" + rawDescription);
        }
        if (!isVersion(rawVersion)) {
            throw new ConfigurationException("'" + name + "' has version '" + rawVersion
                    + "', which is not digits separated by '.' or '_' (such as 2_1 or 2.1)");
        }
        return new NameParts(prefix, rawVersion.replace('_', '.'), description);
    }

    /** Digits, separated by single dots or underscores: {@code 2}, {@code 2.1}, {@code 2_1_3}. */
    private static boolean isVersion(String v) {
        boolean digitBefore = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digitBefore = true;
            } else if ((c == '.' || c == '_') && digitBefore) {
                digitBefore = false;
            } else {
                return false;
            }
        }
        return digitBefore;
    }
}
