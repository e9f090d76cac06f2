package dev.migrator.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One migration another tool applied, as an adoption records it: one {@code ADOPT} history row.
 *
 * @param name        how {@link AdoptResult#adopted()} lists it: the version, else the name
 * @param version     the version, or null for a repeatable or a migration known by name only
 * @param description the description (a repeatable's, or the name of a migration known by name only: its key in
 *                    the history)
 * @param type        the history row's type: {@code SQL}, {@code BASELINE}, or the tool's for a migration known
 *                    by name only ({@code ALEMBIC}, ...)
 * @param script      the file (or changeset) it came from, as the history shows it
 * @param checksum    the checksum to record: the local migration's own ({@code v2:...}) where it matched, so that
 *                    later runs check the file as they check any applied migration; null where none
 * @param installedOn when the other tool applied it, or null when it did not record that (then: the adoption time)
 * @param detail      where it came from, kept as the row's note ({@code flyway_schema_history installed_rank 3,
 *                    installed by alice})
 */
record ForeignMigration(String name, Version version, String description, String type, String script,
                        String checksum, Instant installedOn, String detail) {

    ForeignMigration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(script, "script");
    }

    /** An applied migration that the local migration {@code m} stands for (its checksum was checked). */
    static ForeignMigration matched(ResolvedMigration m, Instant installedOn, String detail) {
        return new ForeignMigration(m.repeatable() ? m.description() : m.versionText(), m.version(), m.description(),
                m.type().name(), m.script(), m.checksum(), installedOn, detail);
    }

    /** As {@link #matched(ResolvedMigration, Instant, String)}, listed by {@code name} (a Liquibase changeset's). */
    static ForeignMigration matched(ResolvedMigration m, Instant installedOn, String detail, String name) {
        return new ForeignMigration(name, m.version(), m.description(), m.type().name(), m.script(), m.checksum(),
                installedOn, detail);
    }

    /**
     * A repeatable migration applied with other content than the local file has now: recorded with the tool's
     * checksum, so the next {@code migrate()} applies the local file again, as the tool would have.
     */
    static ForeignMigration changedRepeatable(ResolvedMigration m, String foreignChecksum, Instant installedOn,
                                              String detail) {
        return new ForeignMigration(m.description(), null, m.description(), m.type().name(), m.script(),
                foreignChecksum, installedOn, detail);
    }

    /** A migration the tool knows by name only; migrator never runs it. */
    static ForeignMigration named(String tool, String name, String script, Instant installedOn, String detail) {
        return new ForeignMigration(name, null, name, tool.toUpperCase(java.util.Locale.ROOT), script, null,
                installedOn, detail);
    }

    /** The tool's baseline marker: versions at or below it stay unapplied, as they were. */
    static ForeignMigration baseline(Version version, String description, Instant installedOn, String detail) {
        return new ForeignMigration(version.toString(), version, description, MigrationType.BASELINE.name(),
                description, null, installedOn, detail);
    }

    boolean isBaseline() {
        return MigrationType.BASELINE.name().equals(type);
    }
}
