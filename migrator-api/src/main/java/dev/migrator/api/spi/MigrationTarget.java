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
}
