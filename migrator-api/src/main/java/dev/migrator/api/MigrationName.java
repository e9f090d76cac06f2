package dev.migrator.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a migration's name, such as {@code V2_1__Add_email} or {@code R__Views}, without the file suffix.
 *
 * @param prefix      {@code "V"}, {@code "U"} or {@code "R"}
 * @param version     the version with {@code _} read as {@code .}; {@code null} for {@code R}
 * @param description the description with {@code _} read as a space
 */
public record MigrationName(String prefix, String version, String description) {

    private static final Pattern NAME = Pattern.compile("([VUR])([^_]*(?:_(?!_)[^_]*)*)__(.+)");
    private static final Pattern VERSION = Pattern.compile("\\d+(?:[._]\\d+)*");

    /**
     * Parses a name such as {@code V2_1__Add_email}.
     *
     * @throws ConfigurationException naming the offending name and what a good one looks like
     */
    public static MigrationName parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new ConfigurationException("'" + name + "' is not a migration name: expected V<version>__<description>, "
                    + "U<version>__<description> or R__<description>, such as V2_1__Add_email");
        }
        String prefix = m.group(1);
        String rawVersion = m.group(2);
        String description = m.group(3).replace('_', ' ').trim();
        if (prefix.equals("R")) {
            if (!rawVersion.isEmpty()) {
                throw new ConfigurationException("'" + name + "': a repeatable migration has no version; name it R__<description>");
            }
            return new MigrationName(prefix, null, description);
        }
        if (rawVersion.isEmpty()) {
            throw new ConfigurationException("'" + name + "' has no version: write it as " + prefix
                    + "<version>__<description>, such as " + prefix + "1__" + m.group(3));
        }
        if (!VERSION.matcher(rawVersion).matches()) {
            throw new ConfigurationException("'" + name + "' has version '" + rawVersion
                    + "', which is not digits separated by '.' or '_' (such as 2_1 or 2.1)");
        }
        return new MigrationName(prefix, rawVersion.replace('_', '.'), description);
    }
}
