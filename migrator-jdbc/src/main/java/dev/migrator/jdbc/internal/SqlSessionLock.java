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
 * A session lock taken by a try-lock query on a connection of its own, which then sits idle in autocommit (no open
 * transaction) until released, so waiting peers and non-transactional statements cannot deadlock with it.
 */
final class SqlSessionLock implements SessionLock {
    private static final Logger LOG = LoggerFactory.getLogger(SqlSessionLock.class);
    private final Supplier<Connection> connections;
    private final String tryLockSql;
    private final String unlockSql;
    private final Object key;
    private Connection connection;
    private boolean held;

    SqlSessionLock(Supplier<Connection> connections, String tryLockSql, String unlockSql, Object key) {
        this.connections = connections;
        this.tryLockSql = tryLockSql;
        this.unlockSql = unlockSql;
        this.key = key;
    }

    @Override
    public boolean tryAcquire() {
        if (connection == null) {
            connection = connections.get();
        }
        try (PreparedStatement s = connection.prepareStatement(tryLockSql)) {
            s.setObject(1, key);
            try (ResultSet rs = s.executeQuery()) {
                Object result = rs.next() ? rs.getObject(1) : null;
                held = result instanceof Boolean b ? b : result instanceof Number n && n.intValue() == 1;
                return held;
            }
        } catch (SQLException e) {
            throw new ConfigurationException("Cannot take the migration lock (" + Secrets.mask(e.getMessage())
                    + "): the database user needs to run " + tryLockSql, e);
        }
    }

    @Override
    public void release() {
        if (connection == null) {
            return;
        }
        try {
            if (held) {
                try (PreparedStatement s = connection.prepareStatement(unlockSql)) {
                    s.setObject(1, key);
                    s.executeQuery().close();
                }
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
}
