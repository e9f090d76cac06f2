package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The first step of a dialect whose session lock is a database's own package or procedure (SQL Server's
 * {@code sp_getapplock}, Oracle's {@code DBMS_LOCK}): open the lock connection and see whether it reaches that database
 * or one that only speaks its dialect (H2 in a compatibility mode), which gets the lease lock instead.
 */
final class NativeLocks {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLocks.class);

    private NativeLocks() {
    }

    /**
     * The lock connection, or null (having closed it) when the database is not the dialect's own.
     *
     * @param primitive the lock's name for the log, such as {@code sp_getapplock}
     */
    static Connection connectIfNative(JdbcDialect dialect, Supplier<Connection> connections, String primitive) {
        Connection c = connections.get();
        String product;
        try {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            close(c, e);
            throw error(e);
        }
        if (dialect.handles(product)) {
            return c;
        }
        LOG.info("{} speaks the {} dialect but has no {}: the migration lock is a lease row instead", product,
                dialect.name(), primitive);
        close(c, null);
        return null;
    }

    /** Closes a lock connection that will not be used, keeping a close failure with {@code cause} if there is one. */
    static void close(Connection c, Exception cause) {
        try {
            c.close();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                LOG.debug("Closing the lock connection failed", e);
            }
        }
    }

    static ConfigurationException error(SQLException e) {
        return new ConfigurationException("Cannot prepare the migration lock: " + Secrets.mask(e.getMessage())
                + ". Check that the database is reachable and the user may connect twice", e);
    }
}
