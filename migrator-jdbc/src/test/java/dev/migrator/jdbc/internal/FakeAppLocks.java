package dev.migrator.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for SQL Server's sp_getapplock and sp_releaseapplock, installed in H2 as functions: it keeps session
 * locks by H2 session, and answers -999 (SQL Server's "parameter validation error") unless called exactly as SQL
 * Server needs: an exclusive lock owned by the session, with a zero timeout. Public because H2 calls it.
 */
public final class FakeAppLocks {
    private static final Map<String, String> OWNERS = new ConcurrentHashMap<>();

    private FakeAppLocks() {
    }

    /** Installs the two procedures in the database {@code c} is connected to. */
    static void install(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE ALIAS IF NOT EXISTS SP_GETAPPLOCK FOR '" + FakeAppLocks.class.getName() + ".getAppLock'");
            s.execute("CREATE ALIAS IF NOT EXISTS SP_RELEASEAPPLOCK FOR '" + FakeAppLocks.class.getName()
                    + ".releaseAppLock'");
        }
    }

    public static int getAppLock(Connection c, String resource, String mode, String owner, int timeout)
            throws SQLException {
        if (!"Exclusive".equals(mode) || !"Session".equals(owner) || timeout != 0) {
            return -999;
        }
        String session = session(c);
        String holder = OWNERS.putIfAbsent(resource, session);
        return holder == null || holder.equals(session) ? 0 : -1;
    }

    public static int releaseAppLock(Connection c, String resource, String owner) throws SQLException {
        if (!"Session".equals(owner)) {
            return -999;
        }
        return OWNERS.remove(resource, session(c)) ? 0 : -999;
    }

    private static String session(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SESSION_ID()")) {
            rs.next();
            return c.getMetaData().getURL() + "#" + rs.getInt(1);
        }
    }
}
