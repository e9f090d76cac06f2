package dev.migrator.cli.plugin;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver that the CLI jar does not carry, standing in for Oracle's: it takes {@code jdbc:wrapped:h2:...} and
 * hands it to H2. {@code DriverPathIT} packages it in a jar of its own, with its {@code META-INF/services} entry, and
 * gives that jar to {@code --driver-path}.
 */
public final class WrappingDriver implements Driver {
    static final String PREFIX = "jdbc:wrapped:";

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        return acceptsURL(url) ? DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info) : null;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
