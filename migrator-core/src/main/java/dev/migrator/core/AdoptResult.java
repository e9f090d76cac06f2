package dev.migrator.core;

import java.util.List;

/**
 * What {@link Migrator#adopt(String)} did. Immutable.
 *
 * @param tool         the tool whose history was adopted ({@code flyway}, ...)
 * @param table        the table it was read from, as found in the database
 * @param adopted      the other tool's migrations recorded by this call, in the order the tool applied them: by
 *                     version, else by name; empty when everything was adopted before
 * @param versionAfter the highest applied version after the adoption, {@code null} when none
 * @param target       the database, described without credentials
 */
public record AdoptResult(String tool, String table, List<String> adopted, String versionAfter, String target) {
    public AdoptResult {
        adopted = List.copyOf(adopted);
    }

    /** The result as the JSON document of {@code docs/json-report.md} (the CLI's {@code adopt --json}). */
    public String toJson() {
        return JsonReports.adopt(this);
    }
}
