package dev.migrator.jdbc.internal;

import dev.migrator.api.TargetException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Taking the lease: the session's read transaction ends before each attempt, and a lock timeout while creating the
 * lock table (H2 locks its catalogue for another session's DDL) is "not taken this time", not a failure.
 */
class LeaseLockCatalogWaitTest {
    private static final String URL = "jdbc:h2:mem:lease_catalog_wait;DB_CLOSE_DELAY=-1";

    /**
     * Connections to H2 whose first look at the catalogue (the first statement or metadata call of the first
     * connection) fails with {@code failure}, as H2 fails it when another session's DDL holds its catalogue.
     */
    private static java.util.function.Supplier<Connection> failingOnce(SQLException failure) {
        AtomicInteger failures = new AtomicInteger(1);
        return () -> {
            Connection real = connect();
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        String name = method.getName();
                        if ((name.equals("prepareStatement") || name.equals("createStatement")
                                || name.equals("getMetaData")) && failures.getAndDecrement() > 0) {
                            throw failure;
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }

    private static Connection connect() {
        try {
            return DriverManager.getConnection(URL, "sa", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCatalogueLockTimeout_isNotTakenThisTime_andTheNextAttemptTakesIt() {
        AtomicInteger ended = new AtomicInteger();
        JdbcLeaseLock lock = new JdbcLeaseLock(
                failingOnce(new SQLException("Timeout trying to lock table \"SYS\"", "HYT00", 50200)), new H2Dialect(),
                "tenant_a", "migrator_lock", "h", Clock.systemUTC()).beforeAcquire(ended::incrementAndGet);

        assertThat(lock.tryAcquire("one", Duration.ofMinutes(1))).isFalse();
        assertThat(lock.tryAcquire("one", Duration.ofMinutes(1))).isTrue();
        assertThat(ended).hasValue(2);
    }

    @Test
    void anyOtherErrorCreatingTheTable_stillFailsNamingIt() {
        JdbcLeaseLock lock = new JdbcLeaseLock(failingOnce(new SQLException("permission denied", "42501")),
                new H2Dialect(), "tenant_b", "migrator_lock", "h", Clock.systemUTC());

        assertThatThrownBy(() -> lock.tryAcquire("one", Duration.ofMinutes(1))).isInstanceOf(TargetException.class)
                .hasMessageContaining("Cannot take the migration lock").hasMessageContaining("permission denied");
    }
}
