package dev.migrator.jdbc;

import dev.migrator.api.Migration;
import dev.migrator.api.spi.LintInput;
import dev.migrator.api.spi.LintIssue;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;
import dev.migrator.jdbc.internal.JdbcUrls;
import dev.migrator.jdbc.internal.JdbcSession;
import dev.migrator.jdbc.internal.lint.SqlLint;

import javax.sql.DataSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A relational database reached through JDBC. The dialect (H2, PostgreSQL, MySQL/MariaDB, SQL Server, Oracle) is
 * recognised from the connection. Immutable and thread-safe.
 *
 * <p>On PostgreSQL, MySQL/MariaDB, SQL Server and Oracle the migration lock is a session lock held by the connection
 * that runs the migrations, so a run needs one connection. Where the lock is a lease (H2, Oracle without
 * {@code DBMS_LOCK}, or {@link #leaseLock()}), the lease is renewed on a second connection beside the work: a pool
 * handed to {@link #of(DataSource)} then needs room for two.
 */
public final class JdbcTarget implements MigrationTarget {
    private final DataSource dataSource;
    private final String description;
    private final String dialect;
    private final boolean leaseLock;

    private JdbcTarget(DataSource dataSource, String description, String dialect, boolean leaseLock) {
        this.dataSource = dataSource;
        this.description = description;
        this.dialect = dialect;
        this.leaseLock = leaseLock;
    }

    /** A target that takes its connections from {@code dataSource} (a pool, or any other). */
    public static JdbcTarget of(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new JdbcTarget(dataSource, "DataSource " + dataSource.getClass().getSimpleName(), null, false);
    }

    /** A target that opens connections with {@link java.sql.DriverManager}; {@code user} and {@code password} may be null. */
    public static JdbcTarget of(String url, String user, String password) {
        Objects.requireNonNull(url, "url");
        return new JdbcTarget(new DriverManagerDataSource(url, user, password),
                JdbcUrls.describe(url) + (user == null ? "" : " (user " + user + ")"), null, false);
    }

    /**
     * The same target with its dialect chosen by name instead of recognised from the connection:
     * {@code h2}, {@code postgresql}, {@code mysql}, {@code sqlserver} or {@code oracle}. Useful for a database that
     * speaks another's dialect, such as H2 in a compatibility mode.
     */
    public JdbcTarget dialect(String name) {
        Objects.requireNonNull(name, "name");
        return new JdbcTarget(dataSource, description, name, leaseLock);
    }

    /**
     * The same target locked by a lease row ({@code migrator_lock}, renewed while migrating, fenced on every history
     * row) instead of the database's session lock. For connections through a pooler in transaction mode (PgBouncer
     * {@code pool_mode=transaction}), where consecutive transactions may run on different server sessions, so a
     * session lock protects nothing.
     */
    public JdbcTarget leaseLock() {
        return new JdbcTarget(dataSource, description, dialect, true);
    }

    @Override
    public TargetSession open(TargetSettings settings) {
        return JdbcSession.open(dataSource, description, dialect, settings, leaseLock);
    }

    @Override
    public String scriptSuffix() {
        return ".sql";
    }

    @Override
    public boolean accepts(Migration<?> migration) {
        return migration instanceof JdbcMigration;
    }

    @Override
    public String defaultLocation() {
        return "classpath:db/migration";
    }

    /**
     * Lints without connecting. The rules are picked by the dialect chosen with {@link #dialect(String)}, else by the
     * URL ({@code jdbc:postgresql:}, {@code jdbc:mysql:}, {@code jdbc:mariadb:}); a data source of unknown kind gets
     * only the rules that hold for any database.
     */
    @Override
    public List<LintIssue> lintOffline(List<LintInput> scripts) {
        return SqlLint.offline(offlineDialect(), scripts);
    }

    private String offlineDialect() {
        if (dialect != null) {
            return dialect;
        }
        String d = description.toLowerCase(Locale.ROOT);
        if (d.startsWith("jdbc:")) {
            int end = d.indexOf(':', 5);
            return end < 0 ? d.substring(5) : d.substring(5, end);
        }
        String source = dataSource.getClass().getName().toLowerCase(Locale.ROOT);
        return source.contains("postgres") || source.contains(".pg") ? "postgresql"
                : source.contains("mariadb") ? "mariadb" : source.contains("mysql") ? "mysql" : "unknown";
    }

    @Override
    public String toString() {
        return description;
    }
}
