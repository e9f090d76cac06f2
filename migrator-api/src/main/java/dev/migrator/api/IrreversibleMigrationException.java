package dev.migrator.api;

import java.util.List;

/**
 * A rollback would cross a migration that has no down (no {@code U} script, no {@code down} override). Thrown before
 * the rollback changes anything.
 */
public final class IrreversibleMigrationException extends MigratorException {
    private static final long serialVersionUID = 1L;
    private final List<String> versions;

    /** Creates one naming the irreversible versions on the path. */
    public IrreversibleMigrationException(String message, List<String> versions) {
        super(message);
        this.versions = List.copyOf(versions);
    }

    /** The versions on the rollback path that have no down. */
    public List<String> versions() {
        return versions;
    }
}
