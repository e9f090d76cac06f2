package dev.migrator.jdbc.internal;

import dev.migrator.api.internal.Secrets;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/** A minimal {@link DataSource} over {@link DriverManager}, so that {@code JdbcTarget.of(url, ...)} needs no pool. */
public final class DriverManagerDataSource implements DataSource {
    private final String url;
    private final String user;
    private final String password;

    public DriverManagerDataSource(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw scrubbed(e, password);
        }
    }

    @Override
    public Connection getConnection(String u, String p) throws SQLException {
        try {
            return DriverManager.getConnection(url, u, p);
        } catch (SQLException e) {
            throw scrubbed(e, p);
        }
    }

    /**
     * The driver's failure with the passwords taken out of its message and of its causes' messages: drivers echo
     * the URL's user-info in them (MariaDB {@code Incorrect port value : <password>@host}, PostgreSQL
     * {@code UnknownHostException: user:<password>@host}), and causes get printed with stack traces.
     */
    private SQLException scrubbed(SQLException e, String password) {
        List<String> secrets = new ArrayList<>(JdbcUrls.passwords(url));
        if (password != null) {
            secrets.add(password);
        }
        SQLException copy = new SQLException(Secrets.scrub(e.getMessage(), secrets), e.getSQLState(),
                e.getErrorCode(), ScrubbedCause.of(e.getCause(), secrets));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** A cause, named by its original type, with its message scrubbed; its own cause likewise. */
    static final class ScrubbedCause extends Exception {
        private final String type;

        private ScrubbedCause(String type, String message, Throwable cause) {
            super(message, cause);
            this.type = type;
        }

        static Throwable of(Throwable original, List<String> secrets) {
            if (original == null) {
                return null;
            }
            ScrubbedCause copy = new ScrubbedCause(original.getClass().getName(),
                    Secrets.scrub(original.getMessage(), secrets), of(original.getCause(), secrets));
            copy.setStackTrace(original.getStackTrace());
            return copy;
        }

        @Override
        public String toString() {
            String message = getMessage();
            return message == null ? type : type + ": " + message;
        }
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
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }

    @Override
    public String toString() {
        return "DriverManager";
    }
}
