package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.Migration;
import dev.migrator.api.MigratorException;
import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.ExecutionFailure;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryStore;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.ScriptStatement;
import dev.migrator.api.spi.Secrets;
import dev.migrator.api.spi.TargetLock;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;
import dev.migrator.jdbc.JdbcContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * One run's connections to a relational database: the work connection, on which migrations and history rows go,
 * and (taken by the lock when needed) a lock connection. Restores the work connection's schema and autocommit when
 * closed, so that a pooled connection goes back as it came.
 */
public final class JdbcSession implements TargetSession {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSession.class);

    private final DataSource dataSource;
    private final String description;
    private final JdbcDialect dialect;
    private final TargetSettings settings;
    private final Connection work;
    private final boolean autoCommitBefore;
    private final String schema;
    private JdbcDialect.Restore restoreSchema;
    private final JdbcHistoryStore history;
    private TargetLock lock;

    private JdbcSession(DataSource dataSource, String description, JdbcDialect dialect, TargetSettings settings,
                        Connection work) throws SQLException {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.settings = settings;
        this.work = work;
        this.autoCommitBefore = work.getAutoCommit();
        DatabaseMetaData md = work.getMetaData();
        this.description = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion().split("[\\s-]")[0]
                + " at " + Secrets.mask(md.getURL())
                + (md.getUserName() == null || md.getUserName().isEmpty() ? "" : " (user " + md.getUserName() + ")");
        this.schema = settings.schema() != null ? settings.schema() : dialect.currentSchema(work);
        if (settings.schema() != null && dialect.schemaExists(work, settings.schema())) {
            restoreSchema = dialect.useSchema(work, settings.schema());
        }
        this.history = new JdbcHistoryStore(this, dialect, schema, settings.historyTable());
    }

    /** Connects, recognises the dialect, and makes the configured schema current if it exists. */
    public static JdbcSession open(DataSource dataSource, String description, String dialectName,
                                   TargetSettings settings) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new ConfigurationException("Cannot connect to " + description + ": " + Secrets.mask(e.getMessage())
                    + ". Check the URL, user and password, and that the database is running", e);
        }
        try {
            JdbcDialect dialect = Dialects.pick(c.getMetaData().getDatabaseProductName(), dialectName)
                    .forServer(c.getMetaData());
            return new JdbcSession(dataSource, description, dialect, settings, c);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof MigratorException m) {
                throw m;
            }
            throw new ConfigurationException("Cannot prepare the connection to " + description + ": "
                    + Secrets.mask(e.getMessage()), e);
        }
    }

    Connection work() {
        return work;
    }

    /**
     * Creates the configured schema if it is missing and makes it current. Another connection (the lease lock's, or
     * another instance's) may have created it since this session opened, so "exists now" is checked, not assumed.
     */
    void ensureSchema() throws SQLException {
        if (restoreSchema != null || settings.schema() == null) {
            return;
        }
        if (!dialect.schemaExists(work, settings.schema())) {
            try {
                dialect.createSchema(work, settings.schema());
            } catch (SQLException e) {
                if (!dialect.schemaExists(work, settings.schema())) {
                    throw e;
                }
            }
        }
        restoreSchema = dialect.useSchema(work, settings.schema());
    }

    boolean schemaMissing() throws SQLException {
        return settings.schema() != null && restoreSchema == null && !dialect.schemaExists(work, settings.schema());
    }

    /** A fresh connection from the data source, for the lock (which must not share the work connection). */
    Connection newConnection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new ConfigurationException("Cannot open a second connection to " + description + " for the "
                    + "migration lock (" + Secrets.mask(e.getMessage()) + "): migrator holds the lock on one "
                    + "connection while migrating on another, so a pool needs room for two", e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String user() {
        try {
            String user = work.getMetaData().getUserName();
            return user == null ? "" : user;
        } catch (SQLException e) {
            return "";
        }
    }

    @Override
    public TargetLock lock() {
        if (lock == null) {
            String key = schema + "." + settings.historyTable();
            TargetLock session = dialect.sessionLock(this::newConnection, key);
            lock = session != null ? session
                    : new JdbcLeaseLock(this::newConnection, dialect, schema, settings.lockTable(),
                    settings.historyTable());
        }
        return lock;
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public Executable prepareScript(String scriptName, String text) {
        List<ScriptStatement> statements = SqlSplitter.split(text, dialect.syntax(), scriptName);
        return new JdbcExecutable(scriptName, statements, null, false,
                ScriptModes.of(dialect, scriptName, text, statements));
    }

    @Override
    public Executable prepareJava(Migration<?> migration, boolean undo) {
        return new JdbcExecutable(migration.getClass().getName(), List.of(), migration, undo,
                dialect.transactionalDdl() ? JdbcExecutable.Mode.ATOMIC : JdbcExecutable.Mode.IMPLICIT_COMMITS);
    }

    @Override
    public void run(Executable executable, HistoryRecord startedRecord, HistoryRecord successRecord)
            throws ExecutionFailure {
        JdbcExecutable e = (JdbcExecutable) executable;
        new JdbcRunner(this, dialect, history).run(e, startedRecord, successRecord);
    }

    /** The context a Java migration is handed. */
    JdbcContext context() {
        return () -> work;
    }

    @Override
    public SchemaModel snapshot() {
        try {
            return dialect.snapshot(work, schema, Set.of(settings.historyTable(), settings.lockTable()));
        } catch (SQLException e) {
            throw new ConfigurationException("Cannot read the schema of " + description + ": "
                    + Secrets.mask(e.getMessage()), e);
        }
    }

    @Override
    public String statementTerminator() {
        return dialect.statementTerminator();
    }

    @Override
    public void close() {
        if (lock instanceof SqlSessionLock s) {
            s.release();
        }
        history.close();
        try {
            if (restoreSchema != null) {
                restoreSchema.restore();
            }
            if (work.getAutoCommit() != autoCommitBefore) {
                work.setAutoCommit(autoCommitBefore);
            }
        } catch (SQLException e) {
            LOG.debug("Restoring the connection's state failed", e);
        } finally {
            try {
                work.close();
            } catch (SQLException e) {
                LOG.debug("Closing the connection failed", e);
            }
        }
    }

    /** Picks the dialect for a database. */
    static final class Dialects {
        private Dialects() {
        }

        static JdbcDialect pick(String productName, String forcedName) {
            List<JdbcDialect> matches = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (JdbcDialect d : ServiceLoader.load(JdbcDialect.class, JdbcDialect.class.getClassLoader())) {
                names.add(d.name());
                if (forcedName != null ? d.name().equalsIgnoreCase(forcedName) : d.handles(productName)) {
                    matches.add(d);
                }
            }
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.isEmpty()) {
                throw new ConfigurationException(forcedName != null
                        ? "Unknown dialect '" + forcedName + "': use one of " + names
                        : "Unsupported database '" + productName + "': migrator supports H2, PostgreSQL, MySQL, "
                        + "MariaDB, SQL Server and Oracle (dialects found: " + names + "). If it speaks one of "
                        + "their dialects, choose it with JdbcTarget.dialect(...)");
            }
            throw new ConfigurationException("Several dialects claim '" + productName + "': " + names
                    + "; choose one with JdbcTarget.dialect(...)");
        }
    }
}
