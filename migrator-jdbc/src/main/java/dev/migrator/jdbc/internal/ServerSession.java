package dev.migrator.jdbc.internal;

import dev.migrator.api.internal.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

/**
 * What a session knows of its server session: its id (for STARTED rows), whether another recorded session still
 * runs, why this one ended after a failure, and the lock timeout it runs with now. One per {@link JdbcSession}; used
 * by one thread at a time.
 */
final class ServerSession {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    private final Connection work;
    private final JdbcDialect dialect;
    /**
     * Whether the database is the dialect's own product, not one that only speaks its dialect (H2 in a compatibility
     * mode), which lacks its session settings: only the own product gets the lock timeout statements.
     */
    private final boolean nativeProduct;
    private String sessionId;
    /** The lock timeout this session runs with now: null for the database's own. */
    private Duration lockTimeout;
    private boolean lockTimeoutKnown = true;

    ServerSession(Connection work, JdbcDialect dialect, boolean nativeProduct) {
        this.work = work;
        this.dialect = dialect;
        this.nativeProduct = nativeProduct;
    }

    /**
     * The server's id of this session ({@code pg_backend_pid()}, {@code CONNECTION_ID()}, ...), asked once, when the
     * first STARTED row is written; null where the database has none or will not say.
     */
    String sessionId() {
        if (sessionId == null && dialect.sessionIdQuery() != null) {
            try (Statement s = work.createStatement(); ResultSet rs = s.executeQuery(dialect.sessionIdQuery())) {
                sessionId = rs.next() ? rs.getString(1) : "";
            } catch (SQLException e) {
                LOG.debug("Reading the session id failed", e);
                sessionId = "";
            }
        }
        return sessionId == null || sessionId.isEmpty() ? null : sessionId;
    }

    /** Describes the server session {@code id} while it is alive, with how to end it; null once it has ended. */
    String liveSession(String id) {
        if (id == null || dialect.liveSessionQuery() == null || id.equals(sessionId())) {
            return null;
        }
        try (PreparedStatement s = work.prepareStatement(dialect.liveSessionQuery())) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String since = rs.getString(1);
                return "session " + id + (since == null ? "" : " (running its current statement since " + since
                        + ")") + "; wait for it to finish, or end it with " + dialect.endSessionCommand(id);
            }
        } catch (SQLException e) {
            LOG.debug("Looking for session {} failed", id, e);
            return null;
        }
    }

    /**
     * Sets the session's lock timeout for the next migration, only when it differs from what the session runs with
     * now: consecutive DDL scripts pay one round trip, not two each. {@link #restoreLockTimeout()} gives the setting back.
     */
    void useLockTimeout(Duration timeout) throws SQLException {
        if (!nativeProduct || lockTimeoutKnown && Objects.equals(timeout, lockTimeout)) {
            return;
        }
        for (String sql : dialect.lockTimeoutSql(timeout)) {
            try (Statement s = work.createStatement()) {
                s.execute(sql);
            }
        }
        lockTimeout = timeout;
        lockTimeoutKnown = true;
    }

    /** After a failure the setting may have rolled back with the transaction: set it again next time. */
    void lockTimeoutUnknown() {
        lockTimeoutKnown = false;
    }

    /** Gives the database's own lock timeout back, when this session changed it. */
    void restoreLockTimeout() throws SQLException {
        if (nativeProduct && (!lockTimeoutKnown || lockTimeout != null)) {
            for (String sql : dialect.lockTimeoutSql(null)) {
                try (Statement s = work.createStatement()) {
                    s.execute(sql);
                }
            }
        }
    }

    /**
     * Why this session ended, when {@code failure} came from a connection that no longer works; null while it
     * works. Costs a round trip, only after a failure.
     */
    String endedReason(Throwable failure) {
        SQLException sql = null;
        for (Throwable t = failure; t != null && sql == null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                sql = e;
            }
        }
        if (sql == null) {
            return null;
        }
        try {
            if (!work.isClosed() && work.isValid(5)) {
                return null;
            }
        } catch (SQLException e) {
            // Not valid.
        }
        String reason = dialect.endedSessionReason(sql);
        return reason != null ? reason : "the connection no longer answers: " + Secrets.mask(sql.getMessage());
    }

}
