package dev.migrator.jdbc.internal;

import dev.migrator.api.TargetException;
import dev.migrator.api.internal.Secrets;
import dev.migrator.api.spi.SessionLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A session lock taken by a try-lock call on the session's work connection, the one that runs the migrations and
 * writes the history. Whatever ends that session (a crash, {@code pg_terminate_backend}, {@code KILL}, an idle or
 * statement timeout, a dropped TCP connection) ends the lock and the work together, so a second instance can never
 * migrate beside a first that lost its lock. The try-lock runs in autocommit, so it holds no transaction: waiting
 * peers and {@code CREATE INDEX CONCURRENTLY} cannot deadlock with it (flyway#3497).
 */
final class SqlSessionLock implements SessionLock {
    private static final Logger LOG = LoggerFactory.getLogger(SqlSessionLock.class);
    private final Connection connection;
    private final LockCall tryLock;
    private final LockCall unlock;
    private final String described;
    private final Object key;
    private boolean held;
    private String idleLimitQuery;
    private String heldQuery;
    private String holderQuery;
    private Object[] holderArguments;

    /**
     * A lock taken by a query answering true or 1 ({@code pg_try_advisory_lock}, {@code GET_LOCK}), with the key as its
     * only parameter.
     */
    SqlSessionLock(Connection work, String tryLockSql, String unlockSql, Object key) {
        this(work, query(tryLockSql), query(unlockSql), tryLockSql, key);
    }

    /**
     * A lock taken by any call, such as a stored procedure's return code.
     *
     * @param described what the database user must be allowed to run, for the error message
     */
    SqlSessionLock(Connection work, LockCall tryLock, LockCall unlock, String described, Object key) {
        this.connection = work;
        this.tryLock = tryLock;
        this.unlock = unlock;
        this.described = described;
        this.key = key;
    }

    @Override
    public boolean tryAcquire() {
        try {
            held = tryLock.call(connection, key);
            if (held && heldQuery != null && !heldHere()) {
                held = false;
                throw new TargetException("The migration lock was granted, but the next statement runs in a server "
                        + "session that does not hold it: the connection goes through a pooler in transaction mode "
                        + "(PgBouncer pool_mode=transaction), where a session lock protects nothing. Connect migrator "
                        + "to the server or to a session-mode pool, or choose the lease lock with "
                        + "JdbcTarget.leaseLock()");
            }
            return held;
        } catch (SQLException e) {
            throw new TargetException("Cannot take the migration lock (" + Secrets.mask(e.getMessage())
                    + "): the database user needs to run " + described, e);
        }
    }

    /**
     * Releases the lock; the connection stays open (the session closes it). A pooled connection must never go back
     * to its pool still holding the lock: when the release fails on a connection that still works, it is aborted.
     */
    @Override
    public void release() {
        if (!held) {
            return;
        }
        held = false;
        try {
            unlock.call(connection, key);
        } catch (SQLException e) {
            LOG.debug("Releasing the lock failed", e);
            try {
                if (connection.isValid(2)) {
                    connection.abort(Runnable::run);
                }
            } catch (SQLException | RuntimeException aborting) {
                LOG.debug("Aborting the connection failed", aborting);
            }
        }
    }

    /**
     * Sets the query that finds the session holding this lock: it takes {@code arguments} and answers the holder's
     * session id and since when it runs its current statement.
     */
    SqlSessionLock describedBy(String query, Object... arguments) {
        this.holderQuery = query;
        this.holderArguments = arguments;
        return this;
    }

    /**
     * Sets the query that checks, in the statement after the one that took the lock, that this server session holds
     * it: behind a pooler in transaction mode the next statement may run in another server session.
     */
    SqlSessionLock verifiedBy(String query) {
        this.heldQuery = query;
        return this;
    }

    private boolean heldHere() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(heldQuery)) {
            s.setObject(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Sets the query answering the session's idle limit in milliseconds (0 or null: none). */
    SqlSessionLock idleLimitFrom(String query) {
        this.idleLimitQuery = query;
        return this;
    }

    @Override
    public java.time.Duration idleLimit() {
        if (idleLimitQuery == null) {
            return null;
        }
        try (java.sql.Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(idleLimitQuery)) {
            long millis = rs.next() ? rs.getLong(1) : 0;
            return millis > 0 ? java.time.Duration.ofMillis(millis) : null;
        } catch (SQLException e) {
            LOG.debug("Reading the session's idle limit failed", e);
            return null;
        }
    }

    @Override
    public String holder() {
        if (holderQuery == null) {
            return null;
        }
        try (PreparedStatement s = connection.prepareStatement(holderQuery)) {
            for (int i = 0; i < holderArguments.length; i++) {
                s.setObject(i + 1, holderArguments[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return null;
                }
                String since = rs.getString(2);
                return "session " + rs.getString(1) + (since == null ? "" : ", running its current statement since "
                        + since);
            }
        } catch (SQLException e) {
            LOG.debug("Looking for the lock's holder failed", e);
            return null;
        }
    }

    /** Whether this lock is held, as far as this session knows. */
    boolean held() {
        return held;
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

    /** One round trip on the work connection that takes (or releases) the lock named {@code key}. */
    @FunctionalInterface
    interface LockCall {
        /** Whether the lock is now held (for a take) or was released (for a release). */
        boolean call(Connection c, Object key) throws SQLException;
    }
}
