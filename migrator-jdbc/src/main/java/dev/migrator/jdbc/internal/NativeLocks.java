package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.internal.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;

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
     * Whether the work connection reaches the dialect's own database, or one that only speaks its dialect (H2 in a
     * compatibility mode), which gets the lease lock instead.
     *
     * @param primitive the lock's name for the log, such as {@code sp_getapplock}
     */
    static boolean isNative(JdbcDialect dialect, Connection work, String primitive) {
        String product;
        try {
            product = work.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw error(e);
        }
        if (dialect.handles(product)) {
            return true;
        }
        LOG.info("{} speaks the {} dialect but has no {}: the migration lock is a lease row instead", product,
                dialect.name(), primitive);
        return false;
    }

    static ConfigurationException error(SQLException e) {
        return new ConfigurationException("Cannot prepare the migration lock: " + Secrets.mask(e.getMessage())
                + ". Check that the database is reachable and the user may connect twice", e);
    }
}
