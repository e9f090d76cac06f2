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
    void aSecondInstanceCannotTakeTheLockUntilTheFirstReleasesIt() {
        SqlSessionLock first = SqlServerAppLock.create(connections, null, "dbo.migrator_history");
        SqlSessionLock second = SqlServerAppLock.create(connections, null, "dbo.migrator_history");

        assertThat(first.tryAcquire()).isTrue();
        assertThat(second.tryAcquire()).isFalse();
        first.release();
        assertThat(second.tryAcquire()).isTrue();
        second.release();
    }

    @Test
    void locksOfDifferentHistoryTablesAreIndependent() {
        SqlSessionLock dbo = SqlServerAppLock.create(connections, null, "dbo.migrator_history");
        SqlSessionLock app = SqlServerAppLock.create(connections, null, "app.migrator_history");

        assertThat(dbo.tryAcquire()).isTrue();
        assertThat(app.tryAcquire()).isTrue();
        dbo.release();
        app.release();
    }

    @Test
    void theConnectionTheDialectOpenedIsUsedAndClosedOnRelease() throws SQLException {
        Connection opened = connections.get();
        SqlSessionLock lock = SqlServerAppLock.create(() -> {
            throw new AssertionError("the opened connection should be used");
        }, opened, "dbo.migrator_history");

        assertThat(lock.tryAcquire()).isTrue();
        lock.release();

        assertThat(opened.isClosed()).isTrue();
    }

    @Test
    void aLockNeverTakenStillClosesTheConnectionTheDialectOpened() throws SQLException {
        Connection opened = connections.get();

        SqlServerAppLock.create(connections, opened, "dbo.migrator_history").release();

        assertThat(opened.isClosed()).isTrue();
    }

    @Test
    void queryLocksOfPostgresAndMysqlStillReadTrueOrOneAsHeld() {
        assertThat(new SqlSessionLock(connections, "SELECT CAST(? AS BIGINT) = 42", "SELECT 1", 42L).tryAcquire())
                .isTrue();
        assertThat(new SqlSessionLock(connections, "SELECT CASE WHEN CAST(? AS INT) = 7 THEN 1 ELSE 0 END",
                "SELECT 1", 7).tryAcquire()).isTrue();
        assertThat(new SqlSessionLock(connections, "SELECT CAST(? AS BIGINT) = 42", "SELECT 1", 41L).tryAcquire())
                .isFalse();
    }
}
