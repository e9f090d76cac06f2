package dev.migrator.it.faults;

import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the server, from a session of its own, for migration statements running at the same time in different
 * sessions: every 10 ms it counts the sessions whose current statement carries the marker {@code mig_marker}. The
 * highest count seen is what the fault tests assert (at most 1: no two engines ever executed migrations at once).
 * A marker table written by the migrations themselves would lose the rows of a migration the server rolled back;
 * the server's own list of running statements does not.
 *
 * <p>A session the test ends itself ({@link #ended}) is no longer counted from then on: the server aborts its
 * transaction before it releases its locks, but PostgreSQL lists the dying backend as active, with its last query,
 * for a few milliseconds after that.
 */
final class Overlap implements AutoCloseable {
    static final String MARKER = "mig_marker";

    private final Thread watcher;
    private final AtomicInteger max = new AtomicInteger();
    private final AtomicInteger seen = new AtomicInteger();
    private volatile boolean stop;
    private volatile String endedSession = "-1";

    private Overlap(TestDatabase db) throws SQLException {
        Connection c = db.connect();
        String sql = db.kind() == DatabaseKind.POSTGRESQL
                ? "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' "
                + "AND query LIKE " + pattern(db) + " AND pid <> pg_backend_pid() AND CAST(pid AS TEXT) <> ?"
                : "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND INFO LIKE "
                + pattern(db) + " AND ID <> CONNECTION_ID() AND CAST(ID AS CHAR) <> ?";
        PreparedStatement s = c.prepareStatement(sql);
        watcher = new Thread(() -> {
            try (c; s) {
                while (!stop) {
                    s.setString(1, endedSession);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        int n = rs.getInt(1);
                        max.accumulateAndGet(n, Math::max);
                        if (n > 0) {
                            seen.incrementAndGet();
                        }
                    }
                    Thread.sleep(10);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "overlap-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * The LIKE pattern for the marker, written so that the watching queries' own text does not contain the marker
     * (else each would count the other).
     */
    private static String pattern(TestDatabase db) {
        String half = MARKER.substring(0, 4);
        String rest = MARKER.substring(4);
        return db.kind() == DatabaseKind.POSTGRESQL ? "'%" + half + "' || '" + rest + "%'"
                : "CONCAT('%" + half + "', '" + rest + "%')";
    }

    static Overlap watch(TestDatabase db) throws SQLException {
        return new Overlap(db);
    }

    /** Waits until some session runs a marked statement. */
    void awaitMigrationRunning() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (seen.get() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no migration statement was seen running");
            }
            Thread.sleep(5);
        }
    }

    /** The session running a marked statement now (for the test to end it), registered as ended. */
    String endRunningSession(TestDatabase db) {
        String id = db.query(db.kind() == DatabaseKind.POSTGRESQL
                ? "SELECT CAST(pid AS TEXT) FROM pg_stat_activity WHERE datname = current_database() AND state = "
                + "'active' AND query LIKE " + pattern(db) + " AND pid <> pg_backend_pid()"
                : "SELECT CAST(ID AS CHAR) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND INFO LIKE "
                + pattern(db) + " AND ID <> CONNECTION_ID()").get(0).get(0);
        endedSession = id;
        db.execute(db.kind() == DatabaseKind.POSTGRESQL ? "SELECT pg_terminate_backend(" + id + ")" : "KILL " + id);
        return id;
    }

    /** The most sessions seen running marked statements at once. */
    int maxConcurrent() {
        return max.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        watcher.join(5_000);
    }
}
