package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13 item 4: H2 with AUTO_SERVER=TRUE refuses a process while another opens the file. Past the retries the
 * message names that cause and the remedy, not "check the URL, user and password".
 */
class WorkConnectionsTest {
    private static final String URL = "jdbc:h2:/data/app;AUTO_SERVER=TRUE";

    @Test
    void autoServerThatKeepsRefusing_isNamedAsSuch_withTheRemedy() {
        AtomicInteger attempts = new AtomicInteger();
        DataSource refusing = new Refusing(attempts, new SQLException(
                "Error opening database: \"Lock file recently modified\" [8000-232]", "HY000", 8000));

        assertThatThrownBy(() -> WorkConnections.open(refusing, URL, 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Cannot connect to " + URL + ": H2 kept refusing the connection for 0 s "
                        + "(Error opening database: \"Lock file recently modified\" [8000-232])")
                .hasMessageContaining("run H2 as a server (jdbc:h2:tcp://host/path)")
                .hasMessageNotContaining("password");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void otherFailures_andOtherUrls_areReportedAsTheDriverSaidThem() {
        SQLException wrongPassword = new SQLException("Wrong user name or password [28000-232]", "28000", 28000);
        assertThatThrownBy(() -> WorkConnections.open(new Refusing(new AtomicInteger(), wrongPassword), URL, 0))
                .isSameAs(wrongPassword);
        SQLException busy = new SQLException("Database may be already in use [90020-232]", "90020", 90020);
        assertThatThrownBy(() -> WorkConnections.open(new Refusing(new AtomicInteger(), busy), "jdbc:h2:/data/app", 0))
                .isSameAs(busy);
    }

    private record Refusing(AtomicInteger attempts, SQLException refusal) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            attempts.incrementAndGet();
            throw refusal;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
