package dev.migrator.cli;

import dev.migrator.api.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The jars of {@code --driver-path}: JDBC drivers that the executable jar does not carry (Oracle), and
 * {@code classpath:} migrations. A CLI has no application class path; this is its stand-in.
 */
final class DriverPath {
    private static final Logger LOG = LoggerFactory.getLogger(DriverPath.class);

    private DriverPath() {
    }

    /**
     * A class loader over the jars, whose drivers are now registered with {@link DriverManager}; the CLI's own
     * class loader when there are no jars.
     */
    static ClassLoader load(List<Path> jars) {
        ClassLoader parent = DriverPath.class.getClassLoader();
        if (jars.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new ConfigurationException("--driver-path: " + jars.get(i) + " cannot be read as a jar", e);
            }
        }
        // Never closed: the drivers' classes are used until the process exits.
        URLClassLoader loader = new URLClassLoader(urls, parent);
        try {
            for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
                if (driver.getClass().getClassLoader() == loader) {
                    DriverManager.registerDriver(new DriverShim(driver));
                    LOG.info("Loaded JDBC driver {} {}.{} from --driver-path", driver.getClass().getName(),
                            driver.getMajorVersion(), driver.getMinorVersion());
                }
            }
        } catch (ServiceConfigurationError | SQLException e) {
            throw new ConfigurationException("--driver-path: a JDBC driver in " + jars + " cannot be loaded: "
                    + e.getMessage(), e);
        }
        return loader;
    }
}
