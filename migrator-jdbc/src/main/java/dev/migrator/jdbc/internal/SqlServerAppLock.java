package dev.migrator.jdbc.internal;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;

/**
 * SQL Server's application lock, owned by the session ({@code @LockOwner = 'Session'}) rather than a transaction, so
 * it is held on an idle connection in autocommit and dies with that session. Taken with {@code @LockTimeout = 0}:
 * the engine polls and backs off instead of a server-side wait.
 */
final class SqlServerAppLock {
    /** Every argument is bound, so that the driver sends a plain RPC call without parsing literals. */
    static final String TRY_LOCK = "{? = call sp_getapplock(?, ?, ?, ?)}";
    static final String UNLOCK = "{? = call sp_releaseapplock(?, ?)}";

    private SqlServerAppLock() {
    }

    /** The lock named after {@code key}; {@code opened} is the connection the dialect already looked at, or null. */
    static SqlSessionLock create(Connection work, String key) {
        return new SqlSessionLock(work, SqlServerAppLock::tryLock, SqlServerAppLock::unlock,
                "sp_getapplock and sp_releaseapplock", resource(key));
    }

    /** {@code @Resource} is at most 255 characters; a hash keeps every name in bounds and stable across versions. */
    static String resource(String key) {
        return "migrator:" + Long.toHexString(LockKeys.fnv64(key));
    }

    /**
     * sp_getapplock answers 0 (granted) or 1 (granted after waiting, which a zero timeout never does); -1 (timeout),
     * -2 (cancelled), -3 (deadlock victim) and -999 (bad call) all mean not held.
     */
    static boolean acquired(int returnCode) {
        return returnCode >= 0;
    }

    private static boolean tryLock(Connection c, Object resource) throws SQLException {
        try (CallableStatement s = c.prepareCall(TRY_LOCK)) {
            s.registerOutParameter(1, Types.INTEGER);
            s.setString(2, (String) resource);
            s.setString(3, "Exclusive");
            s.setString(4, "Session");
            s.setInt(5, 0);
            s.execute();
            return acquired(s.getInt(1));
        }
    }

    private static boolean unlock(Connection c, Object resource) throws SQLException {
        try (CallableStatement s = c.prepareCall(UNLOCK)) {
            s.registerOutParameter(1, Types.INTEGER);
            s.setString(2, (String) resource);
            s.setString(3, "Session");
            s.execute();
            return s.getInt(1) == 0;
        }
    }
}
