package dev.migrator.api;

import dev.migrator.api.internal.NameParts;

/**
 * The parts of a migration's name, such as {@code V2_1__Add_email} or {@code R__Views}, without the file suffix.
 *
 * @param prefix      {@code "V"}, {@code "U"} or {@code "R"}
 * @param version     the version with {@code _} read as {@code .}; {@code null} for {@code R}
 * @param description the description with {@code _} read as a space
 * @deprecated parsing names is the engine's business, not the API's: {@link Migration#version()} and
 *             {@link Migration#description()} give a Java migration's parts. Goes in a later release.
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public record MigrationName(String prefix, String version, String description) {

    /**
     * Parses a name such as {@code V2_1__Add_email}.
     *
     * @throws ConfigurationException naming the offending name and what a good one looks like
     */
    public static MigrationName parse(String name) {
        NameParts parts = NameParts.parse(name);
        return new MigrationName(parts.prefix(), parts.version(), parts.description());
    }
}
