package dev.migrator.api.spi;

import java.util.Objects;

/**
 * Where a session keeps the engine's bookkeeping.
 *
 * @param schema       the schema (database, for MySQL) that holds the history and where migrations run; {@code null}
 *                     for the connection's default
 * @param historyTable the history table (or collection)
 * @param lockTable    the lease-lock table (or collection), used where the database has no session lock
 */
public record TargetSettings(String schema, String historyTable, String lockTable) {
    public TargetSettings {
        Objects.requireNonNull(historyTable, "historyTable");
        Objects.requireNonNull(lockTable, "lockTable");
    }
}
