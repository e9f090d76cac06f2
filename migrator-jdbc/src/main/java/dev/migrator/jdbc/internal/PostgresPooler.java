package dev.migrator.jdbc.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Finds out whether a PostgreSQL connection goes through a pooler such as PgBouncer. The driver learns a process id
 * from the server's BackendKeyData message when it connects; a pooler answers that message itself, with an id of its
 * own, so it differs from the {@code pg_backend_pid()} of the server session the statements run in. A direct
 * connection always has the two equal. Behind a pooler in transaction mode a session lock protects nothing (each
 * transaction may run in another server session, and a server session that holds the lock may serve another
 * client), and the mode cannot be read from the client: so behind any pooler the migration lock is the fenced lease.
 */
final class PostgresPooler {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresPooler.class);

    private PostgresPooler() {
    }

    /**
     * The server session id and the id the driver was given, when they differ (a pooler sits between); null for a
     * direct connection, or when the driver cannot say (not the PostgreSQL JDBC driver).
     */
    static String pooledSessions(Connection work, Supplier<String> serverSessionId) {
        int driverPid;
        try {
            Class<?> pgConnection = pgConnectionClass(work);
            if (pgConnection == null || !work.isWrapperFor(pgConnection)) {
                return null;
            }
            Object pg = work.unwrap(pgConnection);
            driverPid = (Integer) pgConnection.getMethod("getBackendPID").invoke(pg);
        } catch (SQLException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("Cannot read the driver's backend process id", e);
            return null;
        }
        // The session's pg_backend_pid(), asked once per session and kept for the STARTED rows (ServerSession).
        String server = serverSessionId.get();
        if (server == null || server.equals(String.valueOf(driverPid))) {
            return null;
        }
        return "the server session is pid " + server + ", the driver was given pid " + driverPid;
    }

    /**
     * The driver's {@code org.postgresql.PGConnection}, looked up by name: the driver is the application's, found by
     * the loader that loaded the connection, the thread's (the CLI's --driver-path) or this module's.
     */
    private static Class<?> pgConnectionClass(Connection work) {
        for (ClassLoader loader : new ClassLoader[] {work.getClass().getClassLoader(),
                Thread.currentThread().getContextClassLoader(), PostgresPooler.class.getClassLoader()}) {
            try {
                return Class.forName("org.postgresql.PGConnection", false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }
}
