package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.TargetSettings;
import dev.migrator.jdbc.DriverManagerDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading the history: where a missing table fails quietly (PostgreSQL's dialect, here on H2 in PostgreSQL mode) a
 * boot whose history is in place costs the read alone, with no catalogue lookup before it; where it would leave an
 * error behind (H2's trace file, MariaDB's driver log) the table is looked for first. A missing history reads as
 * empty, and a history table whose name differs only in case is still refused.
 */
class HistoryReadTest {
    private static final TargetSettings SETTINGS = new TargetSettings(null, "migrator_history", "migrator_lock");

    private final String url = "jdbc:h2:mem:history_read_" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
    private final AtomicInteger catalogueLookups = new AtomicInteger();
    private final AtomicInteger statements = new AtomicInteger();
    /** When set, runs right after a read of the history failed: another instance creating the table. */
    private volatile Runnable afterFailedRead;

    @Test
    void historyInPlace_isReadWithoutACatalogueLookup_whereAMissingTableFailsQuietly() {
        try (JdbcSession session = open("postgresql")) {
            session.history().create();
        }

        try (JdbcSession session = open("postgresql")) {
            catalogueLookups.set(0);
            statements.set(0);
            assertThat(session.history().read()).isEmpty();

            assertThat(statements.get()).isEqualTo(1);
            assertThat(catalogueLookups.get()).isZero();
        }
    }

    @Test
    void historyCreatedByAnotherInstance_betweenTheFailedReadAndTheLook_isReadAgain() {
        afterFailedRead = () -> {
            afterFailedRead = null;
            try (JdbcSession other = JdbcSession.open(new DriverManagerDataSource(url, "", ""), "H2", "postgresql",
                    SETTINGS)) {
                other.history().create();
            }
        };
        try (JdbcSession session = open("postgresql")) {
            assertThat(session.history().read()).isEmpty();
        }
        assertThat(afterFailedRead).as("the read failed first, as in the race").isNull();
    }

    @Test
    void missingHistory_onH2_isLookedFor_notRead_soH2WritesNoErrorToItsTraceFile(@TempDir Path dir) {
        String file = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        try (JdbcSession session = JdbcSession.open(new DriverManagerDataSource(file, "sa", ""), "H2", null,
                SETTINGS)) {
            assertThat(session.history().read()).isEmpty();
        }

        assertThat(dir.resolve("db.trace.db")).doesNotExist();
    }

    @Test
    void missingHistory_readsAsEmpty() {
        try (JdbcSession session = open()) {
            assertThat(session.history().read()).isEmpty();
            assertThat(session.history().exists()).isFalse();
        }
    }

    @Test
    void historyNamedInAnotherCase_isRefusedByTheRead() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"MIGRATOR_HISTORY\" (installed_rank INT)");
        }
        try (JdbcSession session = open()) {
            assertThatThrownBy(() -> session.history().read()).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("differs only in case from the existing table 'MIGRATOR_HISTORY'");
        }
    }

    private JdbcSession open() {
        return open(null);
    }

    /** {@code dialect}: null to recognise H2; "postgresql" for a dialect that reads a missing table quietly. */
    private JdbcSession open(String dialect) {
        return JdbcSession.open(counting(), "H2", dialect, SETTINGS);
    }

    /** A data source whose connections count their statements and catalogue lookups ({@code getTables}). */
    private DataSource counting() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Connection real = DriverManager.getConnection(url);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("createStatement") || m.getName().startsWith("prepare")) {
                                    statements.incrementAndGet();
                                }
                                Object result = invoke(real, m, a);
                                if (m.getName().equals("createStatement")) {
                                    return racing((Statement) result);
                                }
                                return m.getName().equals("getMetaData") ? metadata((DatabaseMetaData) result) : result;
                            });
                });
    }

    /** A statement whose failed history read runs {@link #afterFailedRead}. */
    private Statement racing(Statement real) {
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                (p, m, a) -> {
                    try {
                        return invoke(real, m, a);
                    } catch (SQLException e) {
                        Runnable hook = afterFailedRead;
                        if (hook != null && m.getName().equals("executeQuery")) {
                            hook.run();
                        }
                        throw e;
                    }
                });
    }

    private DatabaseMetaData metadata(DatabaseMetaData real) {
        return (DatabaseMetaData) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (p, m, a) -> {
                    if (m.getName().equals("getTables")) {
                        catalogueLookups.incrementAndGet();
                    }
                    return invoke(real, m, a);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] a) throws Throwable {
        try {
            return m.invoke(target, a);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
