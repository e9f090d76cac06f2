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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run's connections to a relational database: the work connection, on which migrations and history rows go,
 * and (taken by the lock when needed) a lock connection. Restores the work connection's schema and autocommit when
 * closed, so that a pooled connection goes back as it came.
 */
public final class JdbcSession implements TargetSession {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSession.class);
    private static final Pattern DIRECTIVE = Pattern.compile("(?im)^\\s*--\\s*migrator:transaction\\s*=\\s*(\\w+)\\s*$");

    private final DataSource dataSource;
    private final String description;
    private final JdbcDialect dialect;
    private final TargetSettings settings;
    private final Connection work;
    private final boolean autoCommitBefore;
    private String sessionId;
    /** The lock timeout this session runs with now: null for the database's own, UNKNOWN after a failure. */
    private java.time.Duration lockTimeout;
    private boolean lockTimeoutKnown = true;
    /**
     * Whether the database is the dialect's own product, not one that only speaks its dialect (H2 in a compatibility
     * mode), which lacks its session settings: only the own product gets the lock timeout statements.
     */
    private final boolean nativeProduct;
    /** Whether the user chose the lease lock ({@code JdbcTarget.leaseLock()}). */
    private boolean leaseLockChosen;
    private Runnable statementGuard = () -> { };
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
        if (!autoCommitBefore) {
            // A pool that hands out connections with autocommit off (common with JPA) would keep a transaction open
            // around the lock and the history reads: CREATE INDEX CONCURRENTLY then waits for it forever, and
            // idle_in_transaction_session_timeout ends the session (flyway#3497). Restored in close().
            work.setAutoCommit(true);
        }
        DatabaseMetaData md = work.getMetaData();
        this.nativeProduct = dialect.handles(md.getDatabaseProductName());
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
            c = connect(dataSource, description);
        } catch (SQLException e) {
            throw new ConfigurationException("Cannot connect to " + description + ": " + Secrets.mask(e.getMessage())
                    + ". Check the URL, user and password, and that the database is running", e);
        }
        try {
            JdbcDialect dialect = Dialects.pick(c.getMetaData().getDatabaseProductName(), dialectName);
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

    /**
     * Opens the work connection. H2 with {@code AUTO_SERVER=TRUE} refuses a process that connects while another is
     * opening the file or handing its server over ("Lock file recently modified", "Locked by another process",
     * error 90020): with several instances booting at once that is a passing state, so it is retried with back-off for
     * up to 30 s. Any other failure is reported at once.
     */
    private static Connection connect(DataSource dataSource, String description) throws SQLException {
        boolean autoServer = description.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE");
        long deadline = System.nanoTime() + 30_000_000_000L;
        long backoff = 50;
        while (true) {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                if (!autoServer || !isPassingAutoServerRefusal(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.debug("H2 AUTO_SERVER refused the connection for now ({}); retrying", e.getMessage());
                try {
                    Thread.sleep(backoff + java.util.concurrent.ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
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

    /**
     * The server's id of this session ({@code pg_backend_pid()}, {@code CONNECTION_ID()}, ...), asked once, when the
     * first STARTED row is written; null where the database has none or will not say.
     */
    String sessionId() {
        if (sessionId == null && dialect.sessionIdQuery() != null) {
            try (Statement s = work.createStatement(); ResultSet rs = s.executeQuery(dialect.sessionIdQuery())) {
                sessionId = rs.next() ? rs.getString(1) : "";
            } catch (SQLException e) {
                LOG.debug("Reading the session id failed", e);
                sessionId = "";
            }
        }
        return sessionId == null || sessionId.isEmpty() ? null : sessionId;
    }

    @Override
    public String liveSession(String id) {
        if (id == null || dialect.liveSessionQuery() == null || id.equals(sessionId())) {
            return null;
        }
        try (PreparedStatement s = work.prepareStatement(dialect.liveSessionQuery())) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String since = rs.getString(1);
                return "session " + id + (since == null ? "" : " (running its current statement since " + since
                        + ")") + "; wait for it to finish, or end it with " + dialect.endSessionCommand(id);
            }
        } catch (SQLException e) {
            LOG.debug("Looking for session {} failed", id, e);
            return null;
        }
    }

    @Override
    public void guard(Runnable beforeEachStatement) {
        this.statementGuard = beforeEachStatement;
    }

    /**
     * Sets the session's lock timeout for the next migration, only when it differs from what the session runs with
     * now: consecutive DDL scripts pay one round trip, not two each. {@code close()} gives the setting back.
     */
    void useLockTimeout(java.time.Duration timeout) throws SQLException {
        if (!nativeProduct || lockTimeoutKnown && java.util.Objects.equals(timeout, lockTimeout)) {
            return;
        }
        for (String sql : dialect.lockTimeoutSql(timeout)) {
            try (Statement s = work.createStatement()) {
                s.execute(sql);
            }
        }
        lockTimeout = timeout;
        lockTimeoutKnown = true;
    }

    /** After a failure the setting may have rolled back with the transaction: set it again next time. */
    void lockTimeoutUnknown() {
        lockTimeoutKnown = false;
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
     * Why this session ended, when {@code failure} came from a connection that no longer works; null while it
     * works. Costs a round trip, only after a failure.
     */
    String endedSessionReason(Throwable failure) {
        SQLException sql = null;
        for (Throwable t = failure; t != null && sql == null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                sql = e;
            }
        }
        if (sql == null) {
            return null;
        }
        try {
            if (!work.isClosed() && work.isValid(5)) {
                return null;
            }
        } catch (SQLException e) {
            // Not valid.
        }
        String reason = dialect.endedSessionReason(sql);
        return reason != null ? reason : "the connection no longer answers: " + Secrets.mask(sql.getMessage());
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
            TargetLock session = leaseLockChosen ? null : dialect.sessionLock(work, key);
            lock = session != null ? session
                    : new JdbcLeaseLock(this::newConnection, dialect, schema, settings.lockTable(),
                    settings.historyTable(), settings.clock());
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
        Boolean forced = directive(scriptName, text);
        ScriptStatement noTx = null;
        boolean implicit = false;
        for (ScriptStatement s : statements) {
            if (noTx == null && dialect.cannotRunInTransaction(s.text())) {
                noTx = s;
            }
            implicit |= dialect.commitsImplicitly(s.text());
        }
        if (Boolean.TRUE.equals(forced) && noTx != null) {
            throw new ConfigurationException(scriptName + " line " + noTx.line() + ": this statement cannot run inside "
                    + "a transaction, but the script says -- migrator:transaction=true. Remove the directive, or move "
                    + "the statement to a script of its own");
        }
        JdbcExecutable.Mode mode = Boolean.FALSE.equals(forced) || noTx != null ? JdbcExecutable.Mode.NO_TRANSACTION
                : implicit ? JdbcExecutable.Mode.IMPLICIT_COMMITS : JdbcExecutable.Mode.ATOMIC;
        TimeoutDirectives timeouts = TimeoutDirectives.parse(scriptName, text);
        boolean ddl = false;
        for (ScriptStatement s : statements) {
            if (dialect.isDdl(s.text())) {
                ddl = true;
                break;
            }
        }
        return new JdbcExecutable(scriptName, statements, null, false, mode, 0,
                timeouts.lockTimeout(ddl, settings.execution().ddlLockTimeout()),
                timeouts.statementTimeout(settings.execution().statementTimeout()));
    }

    private static Boolean directive(String scriptName, String text) {
        Matcher m = DIRECTIVE.matcher(text);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigurationException(scriptName + ": '-- migrator:transaction=" + m.group(1)
                    + "' must say true or false");
        }
        return Boolean.valueOf(value);
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
            return dialect.snapshot(work, schema, Set.of(settings.historyTable(), settings.lockTable()));
        } catch (SQLException e) {
            throw targetFailure("Cannot read the schema", e);
        }
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
            if (nativeProduct && (!lockTimeoutKnown || lockTimeout != null)) {
                for (String sql : dialect.lockTimeoutSql(null)) {
                    try (Statement s = work.createStatement()) {
                        s.execute(sql);
                    }
                }
            }
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
        return dev.migrator.jdbc.internal.lint.SqlLint.online(work, dialect.name(), dialect.syntax(), scripts);
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
