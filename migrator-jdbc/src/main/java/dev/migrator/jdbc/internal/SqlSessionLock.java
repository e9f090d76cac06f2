package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.Secrets;
import dev.migrator.api.spi.SessionLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * A session lock taken by a try-lock call on a connection of its own, which then sits idle in autocommit (no open
 * transaction) until released, so waiting peers and non-transactional statements cannot deadlock with it.
 */
final class SqlSessionLock implements SessionLock {
    private static final Logger LOG = LoggerFactory.getLogger(SqlSessionLock.class);
    private final Supplier<Connection> connections;
    private final LockCall tryLock;
    private final LockCall unlock;
    private final String described;
    private final Object key;
    private Connection connection;
    private boolean held;

    /**
     * A lock taken by a query answering true or 1 ({@code pg_try_advisory_lock}, {@code GET_LOCK}), with the key as its
     * only parameter.
     */
    SqlSessionLock(Supplier<Connection> connections, String tryLockSql, String unlockSql, Object key) {
        this(connections, null, query(tryLockSql), query(unlockSql), tryLockSql, key);
    }

    /**
     * A lock taken by any call, such as a stored procedure's return code.
     *
     * @param opened    a connection already opened for the lock (by a dialect that had to look at the database before
     *                  choosing this lock), or null; it is closed by {@link #release()} even if never used
     * @param described what the database user must be allowed to run, for the error message
     */
    SqlSessionLock(Supplier<Connection> connections, Connection opened, LockCall tryLock, LockCall unlock,
                   String described, Object key) {
        this.connections = connections;
        this.connection = opened;
        this.tryLock = tryLock;
        this.unlock = unlock;
        this.described = described;
        this.key = key;
    }

    @Override
    public boolean tryAcquire() {
        if (connection == null) {
            connection = connections.get();
        }
        try {
            held = tryLock.call(connection, key);
            return held;
        } catch (SQLException e) {
            throw new ConfigurationException("Cannot take the migration lock (" + Secrets.mask(e.getMessage())
                    + "): the database user needs to run " + described, e);
        }
    }

    @Override
    public void release() {
        if (connection == null) {
            return;
        }
        try {
            if (held) {
                unlock.call(connection, key);
            }
        } catch (SQLException e) {
            // Closing the connection below ends the session, and the session lock with it.
            LOG.debug("Releasing the lock failed; closing its connection releases it", e);
        } finally {
            held = false;
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the lock connection failed", e);
            }
            connection = null;
        }
    }

    /** A query whose first column says whether the lock was taken: true, or the number 1. */
    private static LockCall query(String sql) {
        return (c, key) -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    Object result = rs.next() ? rs.getObject(1) : null;
                    return result instanceof Boolean b ? b : result instanceof Number n && n.intValue() == 1;
                }
            }
        };
    }

    /** One round trip on the lock connection that takes (or releases) the lock named {@code key}. */
    @FunctionalInterface
    interface LockCall {
        /** Whether the lock is now held (for a take) or was released (for a release). */
        boolean call(Connection c, Object key) throws SQLException;
    }
}
