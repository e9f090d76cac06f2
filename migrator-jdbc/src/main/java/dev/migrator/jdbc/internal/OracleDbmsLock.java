package dev.migrator.jdbc.internal;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/**
 * Oracle's user lock from {@code DBMS_LOCK}: requested with {@code release_on_commit => FALSE}, so it belongs to the
 * session, not to a transaction, and the database releases it when that session ends, however it ends. Each call
 * looks the handle up again with {@code ALLOCATE_UNIQUE}, which returns the same handle for the same name and keeps it
 * from expiring; it commits, which is harmless on the lock's own idle connection.
 */
final class OracleDbmsLock {
    /** Compiles only where the user may execute DBMS_LOCK: the way to find out whether it may, without a dictionary look-up. */
    static final String PROBE = "DECLARE h VARCHAR2(128); BEGIN DBMS_LOCK.ALLOCATE_UNIQUE(lockname => ?, "
            + "lockhandle => h); END;";
    static final String TRY_LOCK = "DECLARE h VARCHAR2(128); BEGIN DBMS_LOCK.ALLOCATE_UNIQUE(lockname => ?, "
            + "lockhandle => h); ? := DBMS_LOCK.REQUEST(lockhandle => h, lockmode => DBMS_LOCK.X_MODE, timeout => 0, "
            + "release_on_commit => FALSE); END;";
    static final String UNLOCK = "DECLARE h VARCHAR2(128); BEGIN DBMS_LOCK.ALLOCATE_UNIQUE(lockname => ?, "
            + "lockhandle => h); ? := DBMS_LOCK.RELEASE(lockhandle => h); END;";

    private static final int PLSQL_COMPILATION_ERROR = 6550;

    private OracleDbmsLock() {
    }

    /** The lock named after {@code key}, on {@code opened}, the connection the probe ran on. */
    static SqlSessionLock create(Connection work, String key) {
        return new SqlSessionLock(work, OracleDbmsLock::tryLock, OracleDbmsLock::unlock,
                "DBMS_LOCK (GRANT EXECUTE ON SYS.DBMS_LOCK TO the user)", lockName(key));
    }

    /** Names starting with ORA$ are Oracle's; ours are short and stable across versions. */
    static String lockName(String key) {
        return "migrator:" + Long.toHexString(LockKeys.fnv64(key));
    }

    /** Fails with ORA-06550 / PLS-00201 where the user may not execute DBMS_LOCK. */
    static void probe(Connection c, String key) throws SQLException {
        try (CallableStatement s = c.prepareCall(PROBE)) {
            s.setString(1, lockName(key));
            s.execute();
        }
    }

    /** Whether the probe failed because DBMS_LOCK is not visible to the user, so the lease lock must be used. */
    static boolean isMissingGrant(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toUpperCase(Locale.ROOT);
        return e.getErrorCode() == PLSQL_COMPILATION_ERROR || message.contains("PLS-00201")
                || message.contains("ORA-06550");
    }

    /**
     * DBMS_LOCK.REQUEST answers 0 (granted) or 4 (this session holds it already); 1 (timeout) and 2 (deadlock) mean
     * another session holds it; 3 and 5 mean a wrong call, which waiting would not cure.
     */
    static boolean acquired(int result) throws SQLException {
        if (result == 3 || result == 5) {
            throw new SQLException("DBMS_LOCK.REQUEST answered " + result + (result == 3 ? " (parameter error)"
                    : " (illegal lock handle)"));
        }
        return result == 0 || result == 4;
    }

    private static boolean tryLock(Connection c, Object name) throws SQLException {
        try (CallableStatement s = c.prepareCall(TRY_LOCK)) {
            s.setString(1, (String) name);
            s.registerOutParameter(2, Types.INTEGER);
            s.execute();
            return acquired(s.getInt(2));
        }
    }

    private static boolean unlock(Connection c, Object name) throws SQLException {
        try (CallableStatement s = c.prepareCall(UNLOCK)) {
            s.setString(1, (String) name);
            s.registerOutParameter(2, Types.INTEGER);
            s.execute();
            return s.getInt(2) == 0;
        }
    }
}
