package dev.migrator.api.spi;

import dev.migrator.api.Migration;

/**
 * A database that migrations can be applied to. Immutable and thread-safe: each run opens its own session.
 */
public interface MigrationTarget {

    /** Connects. The caller closes the session. Fails with a {@code MigratorException} naming what to fix. */
    TargetSession open(TargetSettings settings);

    /** The suffix of the script migrations this target runs, such as {@code ".sql"} or {@code ".json"}. */
    String scriptSuffix();

    /** Whether this target can run the given Java migration (whether it expects this target's context). */
    boolean accepts(Migration<?> migration);

    /** The location scanned when none is configured, such as {@code "classpath:db/migration"}. */
    String defaultLocation();

    /** Describes the target for logs and messages, without credentials. */
    @Override
    String toString();

    /**
     * Lints scripts without a connection, for when the database cannot be reached: what the linter cannot rule out
     * (a table that may exist and be large) is reported. The default finds nothing.
     *
     * @param scripts the scripts, in the order they would run
     * @return the risks found, acknowledged ones included
     */
    default java.util.List<LintIssue> lintOffline(java.util.List<LintInput> scripts) {
        return java.util.List.of();
    }
}
