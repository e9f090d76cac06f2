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
 * @param execution    the timeouts and retries each migration runs with
 */
public record TargetSettings(String schema, String historyTable, String lockTable, Clock clock,
                             Execution execution) {
    public TargetSettings {
        Objects.requireNonNull(historyTable, "historyTable");
        Objects.requireNonNull(lockTable, "lockTable");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(execution, "execution");
    }

    /** Settings on the given clock, with the default timeouts. */
    public TargetSettings(String schema, String historyTable, String lockTable, Clock clock) {
        this(schema, historyTable, lockTable, clock, Execution.DEFAULTS);
    }

    /** Settings on the system clock, with the default timeouts. */
    public TargetSettings(String schema, String historyTable, String lockTable) {
        this(schema, historyTable, lockTable, Clock.systemUTC());
    }

    /**
     * How long a migration's statements may wait for a lock, and run, and how often a lock wait that timed out is
     * tried again.
     *
     * @param ddlLockTimeout   the lock timeout for a script holding DDL (PostgreSQL {@code lock_timeout}, MySQL
     *                         {@code lock_wait_timeout}, ...); null for the database's own setting. DML-only scripts
     *                         keep the database's setting unless their directive says otherwise
     * @param statementTimeout how long one statement may run; null for no limit
     * @param ddlRetries       how many times a migration whose lock wait timed out is tried again, with back-off
     */
    public record Execution(java.time.Duration ddlLockTimeout, java.time.Duration statementTimeout, int ddlRetries) {
        /** 5 s lock timeout for DDL, no statement timeout, 5 retries. */
        public static final Execution DEFAULTS = new Execution(java.time.Duration.ofSeconds(5), null, 5);

        public Execution {
            if (ddlRetries < 0) {
                throw new IllegalArgumentException("ddlRetries must not be negative: " + ddlRetries);
            }
        }
    }
}
