package dev.migrator.core;

import java.util.Comparator;

/**
 * A migration found by discovery, with its undo if it has one.
 *
 * @param version     {@code null} for a repeatable migration
 * @param description as named
 * @param type        SQL, JSON or JAVA
 * @param checksum    of the up script ({@code v2:...}), or the Java migration's own; may be {@code null}
 * @param up          what applies it
 * @param down        what undoes it; {@code null} when irreversible
 */
record ResolvedMigration(Version version, String description, MigrationType type, String checksum,
                         MigrationSource up, MigrationSource down) {

    /**
     * Versioned first, by version; then repeatables by description. Written out rather than composed from
     * {@code Comparator.comparing(...).thenComparing(...)}: every boot sorts every migration in a fresh JVM, where each
     * comparison through three composed lambdas runs interpreted.
     */
    static final Comparator<ResolvedMigration> ORDER = new Comparator<>() {
        @Override
        public int compare(ResolvedMigration a, ResolvedMigration b) {
            if (a.version != null && b.version != null) {
                int c = a.version.compareTo(b.version);
                return c != 0 ? c : a.description.compareTo(b.description);
            }
            if (a.version != null || b.version != null) {
                return a.version != null ? -1 : 1;
            }
            return a.description.compareTo(b.description);
        }
    };

    boolean repeatable() {
        return version == null;
    }

    boolean reversible() {
        return down != null;
    }

    String script() {
        return up.name();
    }

    String versionText() {
        return version == null ? null : version.toString();
    }

    /** Names it in messages: {@code V2__Add_email.sql (version 2)}. */
    String label() {
        return version == null ? script() + " (repeatable)" : script() + " (version " + version + ")";
    }
}
