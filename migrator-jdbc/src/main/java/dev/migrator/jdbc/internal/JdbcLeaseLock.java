package dev.migrator.jdbc.internal;

import dev.migrator.api.TargetException;
import dev.migrator.api.spi.LeaseLock;
import dev.migrator.api.internal.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A lease row in {@code migrator_lock}, for databases without a session lock (H2; Oracle without DBMS_LOCK).
 * One row per history table: {@code (lock_id, owner, expires_at)}. Expiry is in epoch milliseconds of the hosts'
 * clocks, which NTP keeps within far less than the 30-second lease; it keeps the SQL the same on every database.
 * Each call uses a connection of its own, in autocommit: renewals come from the heartbeat thread while the
 * migrations hold the work connection. Time comes from the engine's clock, so tests can drive a holder past its
 * lease.
 *
 * <p><b>Fencing.</b> The owner is unique per run, and a takeover replaces it, so the owner is the lease's generation:
 * the history store writes each row with {@code INSERT ... SELECT ... FROM migrator_lock WHERE owner = ?} in the
 * migration's own transaction ({@link #fence()}), and a holder that lost its lease has its row refused, even when
 * the write was already in flight.
 */
final class JdbcLeaseLock implements LeaseLock {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcLeaseLock.class);

    private final Supplier<Connection> connections;
    private final JdbcDialect dialect;
    private final String schema;
    private final String table;
    private final String qualified;
    private final String lockId;
    private final Clock clock;
    private boolean tableReady;
    /** The owner while this instance holds the lease; read by the history store's fenced insert. */
    private volatile String heldBy;

    private Runnable beforeAcquire = () -> { };

    JdbcLeaseLock(Supplier<Connection> connections, JdbcDialect dialect, String schema, String table, String lockId,
                  Clock clock) {
        this.connections = connections;
        this.clock = clock;
        this.dialect = dialect;
        this.schema = schema;
        this.table = table;
        this.qualified = dialect.qualify(schema, table);
        this.lockId = lockId;
    }

    /** What to run before each attempt to take the lock (the session ends its read transaction); returns this. */
    JdbcLeaseLock beforeAcquire(Runnable action) {
        this.beforeAcquire = action;
        return this;
    }

    @Override
    public boolean tryAcquire(String owner, Duration lease) {
        beforeAcquire.run();
        try (Connection c = connections.get()) {
            c.setAutoCommit(true);
            try {
                ensureTable(c);
            } catch (SQLException e) {
                if (isLockConflict(e)) {
                    // Creating the lock table waited too long on the catalogue (H2 locks it for another session's
                    // DDL): not taken this time; the caller tries again after its back-off, within lockTimeout.
                    LOG.debug("Creating {} waited on another session: {}", qualified, e.getMessage());
                    return false;
                }
                throw e;
            }
            long now = clock.millis();
            try (PreparedStatement expired = c.prepareStatement(
                    "DELETE FROM " + qualified + " WHERE lock_id = ? AND expires_at < ?")) {
                expired.setString(1, lockId);
                expired.setLong(2, now);
                if (expired.executeUpdate() > 0) {
                    LOG.warn("Took over an expired migration lock on {}: its holder stopped without releasing it",
                            qualified);
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO " + qualified + " (lock_id, owner, expires_at) VALUES (?, ?, ?)")) {
                insert.setString(1, lockId);
                insert.setString(2, owner);
                insert.setLong(3, now + lease.toMillis());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (dialect.isDuplicate(e) || isLockConflict(e)) {
                    return false;
                }
                throw e;
            }
            // Read back: only a row that is visibly ours afterwards counts as the lock.
            try (PreparedStatement check = c.prepareStatement(
                    "SELECT owner FROM " + qualified + " WHERE lock_id = ?")) {
                check.setString(1, lockId);
                try (var rs = check.executeQuery()) {
                    boolean ours = rs.next() && owner.equals(rs.getString(1));
                    if (ours) {
                        heldBy = owner;
                    }
                    return ours;
                }
            }
        } catch (SQLException e) {
            throw new TargetException("Cannot take the migration lock in " + qualified + ": "
                    + Secrets.mask(e.getMessage()) + ". Check that the database user may create and write it", e);
        }
    }

    @Override
    public boolean renew(String owner, Duration lease) {
        try (Connection c = connections.get();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE " + qualified + " SET expires_at = ? WHERE lock_id = ? AND owner = ?")) {
            c.setAutoCommit(true);
            s.setLong(1, clock.millis() + lease.toMillis());
            s.setString(2, lockId);
            s.setString(3, owner);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new TargetException("Renewing the migration lock lease in " + qualified + " failed: "
                    + Secrets.mask(e.getMessage()), e);
        }
    }

    @Override
    public void release(String owner) {
        heldBy = null;
        try (Connection c = connections.get();
             PreparedStatement s = c.prepareStatement(
                     "DELETE FROM " + qualified + " WHERE lock_id = ? AND owner = ?")) {
            c.setAutoCommit(true);
            s.setString(1, lockId);
            s.setString(2, owner);
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            // The lease expires on its own; a failed release only delays the next instance.
            LOG.warn("Could not release the migration lock in {} ({}); it expires by itself", qualified,
                    Secrets.mask(e.getMessage()));
        }
    }

    /**
     * The fence for a history row: the lease table, its row and the owner, while this instance holds the lease;
     * null otherwise.
     */
    Fence fence() {
        String owner = heldBy;
        return owner == null ? null : new Fence(qualified, lockId, owner);
    }

    /** What a fenced insert checks: the lease row {@code lockId} in {@code table} still belongs to {@code owner}. */
    record Fence(String table, String lockId, String owner) {
    }

    private void ensureTable(Connection c) throws SQLException {
        if (tableReady) {
            return;
        }
        // On H2 the look and the create run as one change of the catalogue (H2Dialect.changingCatalog).
        dialect.changingCatalog(c, () -> createTableIfMissing(c));
        tableReady = true;
    }

    private void createTableIfMissing(Connection c) throws SQLException {
        if (schema != null && !dialect.schemaExists(c, schema)) {
            try {
                dialect.createSchema(c, schema);
            } catch (SQLException e) {
                if (!dialect.schemaExists(c, schema)) {
                    throw e;
                }
            }
        }
        if (!dialect.tableExists(c, schema, table)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + qualified + " (lock_id " + dialect.varchar(100) + " NOT NULL PRIMARY KEY, "
                        + "owner " + dialect.varchar(100) + " NOT NULL, expires_at " + dialect.bigint() + " NOT NULL)");
            } catch (SQLException e) {
                // Another instance created it between the look and the create.
                if (!dialect.tableExists(c, schema, table)) {
                    throw e;
                }
            }
        }
    }

    /** H2 reports a row another transaction is inserting as a lock timeout rather than a duplicate. */
    private static boolean isLockConflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.equals("HYT00") || state.startsWith("40"));
    }
}
