package dev.migrator.jdbc.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL Server lock's calls (bound parameters, the return code read from the call's first parameter) through a real
 * JDBC driver, H2's, against {@link FakeAppLocks}. Whether SQL Server itself releases the lock with the session is
 * shown in SqlServerIT, where Docker runs.
 */
class SqlServerAppLockIT {
    private final String url = "jdbc:h2:mem:applock" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    private final Supplier<Connection> connections = () -> {
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    };

    @BeforeEach
    void installTheStandIn() throws SQLException {
        try (Connection c = connections.get()) {
            FakeAppLocks.install(c);
        }
    }

    @Test
    void aSecondInstanceCannotTakeTheLockUntilTheFirstReleasesIt() throws SQLException {
        try (Connection a = connections.get(); Connection b = connections.get()) {
            SqlSessionLock first = SqlServerAppLock.create(a, "dbo.migrator_history");
            SqlSessionLock second = SqlServerAppLock.create(b, "dbo.migrator_history");

            assertThat(first.tryAcquire()).isTrue();
            assertThat(second.tryAcquire()).isFalse();
            first.release();
            assertThat(second.tryAcquire()).isTrue();
            second.release();
        }
    }

    @Test
    void locksOfDifferentHistoryTablesAreIndependent() throws SQLException {
        try (Connection a = connections.get(); Connection b = connections.get()) {
            SqlSessionLock dbo = SqlServerAppLock.create(a, "dbo.migrator_history");
            SqlSessionLock app = SqlServerAppLock.create(b, "app.migrator_history");

            assertThat(dbo.tryAcquire()).isTrue();
            assertThat(app.tryAcquire()).isTrue();
            dbo.release();
            app.release();
        }
    }

    @Test
    void releaseKeepsTheWorkConnectionOpen_theSessionClosesIt() throws SQLException {
        try (Connection work = connections.get()) {
            SqlSessionLock lock = SqlServerAppLock.create(work, "dbo.migrator_history");

            assertThat(lock.tryAcquire()).isTrue();
            lock.release();

            assertThat(work.isClosed()).isFalse();
        }
    }

    @Test
    void queryLocksOfPostgresAndMysqlStillReadTrueOrOneAsHeld() throws SQLException {
        try (Connection c = connections.get()) {
            assertThat(new SqlSessionLock(c, "SELECT CAST(? AS BIGINT) = 42", "SELECT 1", 42L).tryAcquire())
                    .isTrue();
            assertThat(new SqlSessionLock(c, "SELECT CASE WHEN CAST(? AS INT) = 7 THEN 1 ELSE 0 END",
                    "SELECT 1", 7).tryAcquire()).isTrue();
            assertThat(new SqlSessionLock(c, "SELECT CAST(? AS BIGINT) = 42", "SELECT 1", 41L).tryAcquire())
                    .isFalse();
        }
    }
}
