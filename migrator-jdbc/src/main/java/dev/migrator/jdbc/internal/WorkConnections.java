package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.internal.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Opens a session's work connection. */
final class WorkConnections {
    private static final Logger LOG = LoggerFactory.getLogger(WorkConnections.class);

    private WorkConnections() {
    }

    /**
     * Opens the work connection. H2 with {@code AUTO_SERVER=TRUE} refuses a process that connects while another is
     * opening the file or handing its server over ("Lock file recently modified", "Locked by another process",
     * error 90020): with several instances booting at once that is a passing state, so it is retried with back-off for
     * up to 30 s. Any other failure is reported at once.
     */
    static Connection open(DataSource dataSource, String description) throws SQLException {
        return open(dataSource, description, 30);
    }

    /**
     * As above, retrying for {@code seconds}. When H2 still refuses then, the message says why and what to do instead
     * of suggesting that the URL, user or password are wrong.
     */
    static Connection open(DataSource dataSource, String description, int seconds) throws SQLException {
        boolean autoServer = description.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE");
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long backoff = 50;
        while (true) {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                if (!autoServer || !isPassingAutoServerRefusal(e)) {
                    throw e;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new ConfigurationException("Cannot connect to " + description + ": H2 kept refusing the "
                            + "connection for " + seconds + " s (" + Secrets.mask(String.valueOf(e.getMessage()))
                            + ") while other processes opened the database file or handed its AUTO_SERVER over. "
                            + "AUTO_SERVER does not hold up with several processes starting at once: run H2 as a "
                            + "server (jdbc:h2:tcp://host/path) for them, or start them one after another", e);
                }
                LOG.debug("H2 AUTO_SERVER refused the connection for now ({}); retrying", e.getMessage());
                try {
                    Thread.sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, 1_000);
            }
        }
    }

    /**
     * H2's 90020 (database in use), 8000 (error opening the database: "Lock file recently modified", "Locked by
     * another process", "Concurrent update" while another process opens the file) and 90067 (connection broken):
     * with AUTO_SERVER, each is a process opening the file or handing its server over at the same moment.
     */
    static boolean isPassingAutoServerRefusal(SQLException e) {
        return e.getErrorCode() == 90020 || e.getErrorCode() == 90067 || e.getErrorCode() == 8000;
    }

}
