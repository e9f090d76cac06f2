package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.Migration;
import dev.migrator.api.MigratorException;
import dev.migrator.api.TargetException;
import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.ExecutionFailure;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryStore;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SnapshotStore;
import dev.migrator.api.spi.ScriptStatement;
import dev.migrator.api.internal.Secrets;
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
import java.util.List;
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
    private final ServerSession server;
    /** Whether the user chose the lease lock ({@code JdbcTarget.leaseLock()}). */
    private boolean leaseLockChosen;
    private Runnable statementGuard = () -> { };
    private final String schema;
    private JdbcDialect.Restore restoreSchema;
    private final JdbcHistoryStore history;
    private TargetLock lock;
    /** The pending scripts' statements as the linter split them, for {@link #prepareScript} to take. */
    private final ScriptSplits splits;

    private JdbcSession(DataSource dataSource, String description, JdbcDialect dialect, TargetSettings settings,
                        Connection work) throws SQLException {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.settings = settings;
        this.work = work;
        this.autoCommitBefore = work.getAutoCommit();
        if (!autoCommitBefore) {
            // A pool that hands out connections with autocommit off (common with JPA) would keep a transaction open
            // around the lock and the history reads: CREATE INDEX CONCURRENTLY then waits for it forever, and
            // idle_in_transaction_session_timeout ends the session (flyway#3497). Restored in close().
            work.setAutoCommit(true);
        }
        DatabaseMetaData md = work.getMetaData();
        this.server = new ServerSession(work, dialect, dialect.handles(md.getDatabaseProductName()));
        this.description = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion().split("[\\s-]")[0]
                + " at " + JdbcUrls.describe(md.getURL())
                + (md.getUserName() == null || md.getUserName().isEmpty() ? "" : " (user " + md.getUserName() + ")");
        this.schema = settings.schema() != null ? settings.schema() : dialect.currentSchema(work);
        if (settings.schema() != null && dialect.schemaExists(work, settings.schema())) {
            restoreSchema = dialect.useSchema(work, settings.schema());
        }
        this.history = new JdbcHistoryStore(this, dialect, schema, settings.historyTable());
        this.splits = new ScriptSplits(dialect.syntax());
    }

    /** Connects, recognises the dialect, and makes the configured schema current if it exists. */
    public static JdbcSession open(DataSource dataSource, String description, String dialectName,
                                   TargetSettings settings) {
        return open(dataSource, description, dialectName, settings, false);
    }

    /**
     * As above; {@code leaseLock} chooses the lease lock over the database's session lock (for poolers in transaction
     * mode).
     */
    public static JdbcSession open(DataSource dataSource, String description, String dialectName,
                                   TargetSettings settings, boolean leaseLock) {
        Connection c;
        try {
            c = WorkConnections.open(dataSource, description);
        } catch (SQLException e) {
            String host = unknownHost(e);
            if (host != null) {
                throw new ConfigurationException("Cannot connect to " + description + ": the host " + host
                        + " is unknown (no DNS entry). Check the host name in the URL", e);
            }
            String said = Secrets.mask(String.valueOf(e.getMessage())).strip();
            throw new ConfigurationException("Cannot connect to " + description + ": " + said
                    + (said.endsWith(".") ? "" : ".") + " Check the URL, user and password, and that the database is "
                    + "running", e);
        }
        try {
            JdbcDialect dialect = Dialects.pick(c.getMetaData().getDatabaseProductName(), dialectName)
                    .forServer(c.getMetaData());
            JdbcSession session = new JdbcSession(dataSource, description, dialect, settings, c);
            session.leaseLockChosen = leaseLock;
            return session;
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

    /** The host name a connection failed to resolve, or {@code null} when that is not why it failed. */
    private static String unknownHost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // The driver's causes may be scrubbed copies, named by the original type.
            if (t instanceof java.net.UnknownHostException || t.toString().startsWith("java.net.UnknownHostException")) {
                String message = t.getMessage();
                return message == null ? "named in the URL" : Secrets.mask(message.replaceFirst(": .*", "").strip());
            }
        }
        return null;
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

    /** A fresh connection from the data source, for a lease lock's calls (the heartbeat runs beside the work). */
    Connection newConnection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new TargetException("Cannot open a second connection to " + description + " for the "
                    + "migration lock lease (" + Secrets.mask(e.getMessage()) + "): on a database without a session "
                    + "lock, migrator renews a lease on one connection while migrating on another, so a pool needs "
                    + "room for two", e);
        }
    }

    /** The server's id of this session, recorded on STARTED rows; null where the database will not say. */
    String sessionId() {
        return server.sessionId();
    }

    @Override
    public String liveSession(String id) {
        return server.liveSession(id);
    }

    /** Sets the session's lock timeout for the next migration; see {@link ServerSession#useLockTimeout}. */
    void useLockTimeout(java.time.Duration timeout) throws SQLException {
        server.useLockTimeout(timeout);
    }

    /** After a failure the setting may have rolled back with the transaction: set it again next time. */
    void lockTimeoutUnknown() {
        server.lockTimeoutUnknown();
    }

    /** Why this session ended, when {@code failure} came from a connection that no longer works; null while it works. */
    String endedSessionReason(Throwable failure) {
        return server.endedReason(failure);
    }

    @Override
    public dev.migrator.api.spi.ForeignTable readForeignTable(String table) {
        return ForeignTableReader.read(work, dialect, schema, table, description);
    }

    @Override
    public void guard(Runnable beforeEachStatement) {
        this.statementGuard = beforeEachStatement;
    }

    @Override
    public Executable resume(Executable executable, int fromStatement) {
        return ((JdbcExecutable) executable).from(fromStatement);
    }

    /** The fence for history rows while a lease is held here; null for a session lock or no lock. */
    JdbcLeaseLock.Fence fence() {
        return lock instanceof JdbcLeaseLock lease ? lease.fence() : null;
    }

    /** Runs the engine's guard before a statement or history write: it throws once the lock may be lost. */
    void beforeStatement() {
        statementGuard.run();
    }

    /**
     * A failure of the bookkeeping (history, lock, snapshot), named for what it is: a lost connection, or an error of
     * the database, with the privilege hint only where the error is about privileges.
     */
    TargetException targetFailure(String what, SQLException e) {
        String ended = endedSessionReason(e);
        if (ended != null) {
            return new TargetException(what + " on " + description + ": the database session ended (" + ended
                    + "). Nothing more was written; run the command again once the database is reachable", e);
        }
        String state = String.valueOf(e.getSQLState());
        boolean privilege = state.equals("42501") || e.getErrorCode() == 1142 || e.getErrorCode() == 1044;
        return new TargetException(what + " on " + description + ": " + Secrets.mask(e.getMessage())
                + (privilege ? ". Check that the database user may create and write tables in this schema" : ""), e);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String currentSchema() {
        try {
            String schema = work.getSchema();
            // Where schemas are catalogs (MySQL, MariaDB) the driver reports no schema: the database is the schema.
            return schema != null ? schema : work.getCatalog();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }

    @Override
    public String databaseName() {
        try {
            return work.getCatalog();
        } catch (SQLException e) {
            return null;
        }
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
            TargetLock session = leaseLockChosen || pooled() ? null : dialect.sessionLock(work, key);
            lock = session != null ? session
                    : new JdbcLeaseLock(this::newConnection, dialect, schema, settings.lockTable(),
                    settings.historyTable(), settings.clock()).beforeAcquire(this::endReadTransaction);
        }
        return lock;
    }

    /**
     * Ends the work connection's open transaction each time a lease lock is tried on another connection (only while
     * acquiring, before the run). Nothing has been written yet (the lock comes first), but the reads so far (the
     * history, the catalogue) would keep a transaction open while the run waits for the lock, which a pooler in
     * transaction mode (the usual reason for a lease) pins to one server connection. An earlier comment here blamed
     * H2 catalogue reads for a fleet's "Timeout trying to lock table SYS"; they hold no lock (an open read transaction
     * does not delay another session's CREATE TABLE on H2 2.3). The cause was two DDL statements at once, which
     * {@link H2Dialect#changingCatalog(Connection, JdbcDialect.CatalogChange)} now runs one at a
     * time.
     */
    private void endReadTransaction() {
        try {
            if (!work.getAutoCommit()) {
                work.commit();
            }
        } catch (SQLException e) {
            throw targetFailure("Cannot end the read transaction before taking the migration lock", e);
        }
    }

    /** Whether a pooler sits between the work connection and the server, so a session lock would protect nothing. */
    private boolean pooled() {
        String pooled = dialect.pooledBy(work, server::sessionId);
        if (pooled != null) {
            LOG.warn("The connection goes through a pooler such as PgBouncer ({}): a session lock protects nothing "
                    + "behind one in transaction mode, so the migration lock is a lease in the lock table instead",
                    pooled);
        }
        return pooled != null;
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public Executable prepareScript(String scriptName, String text) {
        List<ScriptStatement> statements = splits.take(scriptName, text);
        Directives directives = Directives.parse(scriptName, text);
        boolean ddl = false;
        for (ScriptStatement s : statements) {
            if (dialect.isDdl(s.text())) {
                ddl = true;
                break;
            }
        }
        return new JdbcExecutable(scriptName, statements, null, false,
                ScriptModes.of(dialect, scriptName, directives.transaction(), statements), 0,
                directives.lockTimeout(ddl, settings.execution().ddlLockTimeout()),
                directives.statementTimeout(settings.execution().statementTimeout()));
    }

    @Override
    public Executable prepareJava(Migration<?> migration, boolean undo) {
        return new JdbcExecutable(migration.getClass().getName(), List.of(), migration, undo,
                dialect.transactionalDdl() ? JdbcExecutable.Mode.ATOMIC : JdbcExecutable.Mode.IMPLICIT_COMMITS, 0,
                null, null);
    }

    @Override
    public void run(Executable executable, HistoryRecord startedRecord, HistoryRecord successRecord)
            throws ExecutionFailure {
        JdbcExecutable e = (JdbcExecutable) executable;
        new JdbcRunner(this, dialect, history).run(e, startedRecord, successRecord, settings.execution());
    }

    /** The context a Java migration is handed. */
    JdbcContext context() {
        return () -> work;
    }

    @Override
    public SchemaModel snapshot() {
        try {
            return dialect.snapshot(work, schema, snapshotExcluded());
        } catch (SQLException e) {
            throw targetFailure("Cannot read the schema", e);
        }
    }

    /** The tables a snapshot leaves out: migrator's own. */
    Set<String> snapshotExcluded() {
        return Set.of(settings.historyTable(), settings.lockTable(), SnapshotStore.TABLE);
    }

    @Override
    public SnapshotStore snapshots() {
        return new JdbcSnapshotStore(this, dialect, schema, settings.historyTable());
    }

    @Override
    public String statementTerminator() {
        return dialect.statementTerminator();
    }

    /**
     * Ends any transaction a failure left, releases the session lock, and gives the connection back as it came
     * (schema, autocommit), so a pool gets back no open transaction and no lock.
     */
    @Override
    public void close() {
        splits.clear();
        history.close();
        try {
            if (!work.getAutoCommit()) {
                work.rollback();
                work.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("Ending the connection's transaction failed", e);
        }
        if (lock instanceof SqlSessionLock s) {
            s.release();
        }
        try {
            server.restoreLockTimeout();
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

    /** Lints pending scripts knowing this database's tables and their sizes (see {@code lint.SqlLint}). */
    @Override
    public List<dev.migrator.api.spi.LintIssue> lint(List<dev.migrator.api.spi.LintInput> scripts) {
        splits.clear();
        return dev.migrator.jdbc.internal.lint.SqlLint.online(work, dialect.name(), dialect.syntax(), scripts, splits);
    }

    /**
     * Picks the dialect for a database, from a fixed list: the dialects are part of this module, not a plug-in point,
     * and a static list costs no {@code META-INF/services} scan at boot and works the same on the module path and in
     * a native image.
     */
    /**
     * Chooses the dialect by the driver's product name (or the name forced with {@code JdbcTarget.dialect}), with a
     * switch rather than by asking every dialect: a boot then loads and builds the one dialect it uses, not all five
     * (each with its lint rules and statements) only to ask each whether it {@link JdbcDialect#handles} the name.
     * {@code DialectsTest} keeps this switch and every dialect's own {@code handles} and {@code name} in agreement.
     */
    static final class Dialects {
        static final List<String> NAMES = List.of("h2", "postgresql", "mysql", "sqlserver", "oracle");

        private Dialects() {
        }

        static JdbcDialect pick(String productName, String forcedName) {
            JdbcDialect d = forcedName != null ? named(forcedName.toLowerCase(java.util.Locale.ROOT))
                    : forProduct(productName);
            if (d != null) {
                return d;
            }
            throw new ConfigurationException(forcedName != null
                    ? "Unknown dialect '" + forcedName + "': use one of " + NAMES
                    : "Unsupported database '" + productName + "': migrator supports H2, PostgreSQL, MySQL, "
                    + "MariaDB, SQL Server and Oracle (dialects found: " + NAMES + "). If it speaks one of "
                    + "their dialects, choose it with JdbcTarget.dialect(...)");
        }

        /** The dialect {@link JdbcDialect#name() named} so, or null. */
        static JdbcDialect named(String name) {
            switch (name) {
                case "h2":
                    return new H2Dialect();
                case "postgresql":
                    return new PostgresDialect();
                case "mysql":
                    return new MySqlDialect();
                case "sqlserver":
                    return new SqlServerDialect();
                case "oracle":
                    return new OracleDialect();
                default:
                    return null;
            }
        }

        /** The dialect that {@link JdbcDialect#handles handles} a product name, or null. */
        static JdbcDialect forProduct(String productName) {
            return named(switch (productName) {
                case "H2" -> "h2";
                case "PostgreSQL" -> "postgresql";
                case "MySQL", "MariaDB" -> "mysql";
                case "Microsoft SQL Server" -> "sqlserver";
                case "Oracle" -> "oracle";
                default -> "";
            });
        }
    }
}
