package dev.migrator.api.spi;

import java.time.Clock;
import java.util.Objects;

/**
 * Where a session keeps the engine's bookkeeping, and the clock it keeps time by.
 *
 * @param schema       the schema (database, for MySQL) that holds the history and where migrations run; {@code null}
 *                     for the connection's default
 * @param historyTable the history table (or collection)
 * @param lockTable    the lease-lock table (or collection), used where the database has no session lock
 * @param clock        the one clock for lease expiry, row timestamps and lock waits (the engine's; tests drive it)
 */
public record TargetSettings(String schema, String historyTable, String lockTable, Clock clock) {
    public TargetSettings {
        Objects.requireNonNull(historyTable, "historyTable");
        Objects.requireNonNull(lockTable, "lockTable");
        Objects.requireNonNull(clock, "clock");
    }

    /** Settings on the system clock. */
    public TargetSettings(String schema, String historyTable, String lockTable) {
        this(schema, historyTable, lockTable, Clock.systemUTC());
    }
}
