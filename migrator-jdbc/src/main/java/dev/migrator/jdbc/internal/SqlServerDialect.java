package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SessionLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * SQL Server (and Azure SQL): transactional DDL, so a failed migration leaves nothing behind; scripts are batches
 * separated by {@code GO} lines; a session-owned {@code sp_getapplock} lock; {@code [bracketed]} identifiers.
 *
 * <p>Schemas: SQL Server has no per-session default schema, so {@link #useSchema} cannot make the configured schema
 * current. The history (and lease) tables are always written {@code [schema].[table]}; unqualified names in scripts
 * resolve to the database user's default schema ({@code ALTER USER ... WITH DEFAULT_SCHEMA = ...}), as in sqlcmd.
 */
public final class SqlServerDialect extends JdbcDialect {
    private static final Logger LOG = LoggerFactory.getLogger(SqlServerDialect.class);
    private static final int NVARCHAR_MAX_LENGTH = 4000;
    private static final Set<Integer> DUPLICATE_ERRORS = Set.of(2601, 2627, 2714);

    // Microsoft's list of statements not allowed in an explicit transaction. These are reserved words in T-SQL, so
    // wherever one appears outside a string or comment it is that statement.
    private static final Set<String> ALONE = Set.of("BACKUP", "RESTORE", "RECONFIGURE");
    private static final Set<String> CREATE_ALTER_DROP = Set.of("CREATE", "ALTER", "DROP");
    private static final Set<String> DATABASE = Set.of("DATABASE");
    private static final Set<String> FULLTEXT = Set.of("FULLTEXT");
    private static final Set<String> INDEX_OR_CATALOG = Set.of("INDEX", "CATALOG");
    private static final Set<String> DBCC = Set.of("DBCC");
    // DBCC commands that may refuse a user transaction; running one outside a transaction is always allowed, so the
    // list errs on that side.
    private static final Set<String> DBCC_NO_TRANSACTION = Set.of("SHRINKDATABASE", "SHRINKFILE", "CHECKDB",
            "CHECKTABLE", "CHECKALLOC", "CHECKCATALOG", "CHECKFILEGROUP");

    @Override
    public String name() {
        return "sqlserver";
    }

    @Override
    public boolean handles(String productName) {
        return productName.equals("Microsoft SQL Server");
    }

    @Override
    public SqlSyntax syntax() {
        return SqlSyntax.SQLSERVER;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /**
     * Looks at every statement of the batch, not only its first: one batch can hold several statements, and a
     * single one that may not run in a transaction makes the whole batch run outside one. The system procedures
     * for full-text search ({@code sp_fulltext_...}) count too.
     */
    @Override
    public boolean cannotRunInTransaction(String statement) {
        SqlWords words = SqlWords.of(statement, SqlSyntax.SQLSERVER);
        return words.containsAny(ALONE)
                || words.containsPair(CREATE_ALTER_DROP, DATABASE)
                || words.containsTriple(CREATE_ALTER_DROP, FULLTEXT, INDEX_OR_CATALOG)
                || words.containsPair(DBCC, DBCC_NO_TRANSACTION)
                || words.containsPrefix("SP_FULLTEXT_");
    }

    @Override
    public String quote(String identifier) {
        return '[' + identifier.replace("]", "]]") + ']';
    }

    /** Sent as a statement of its own, because CREATE SCHEMA must be alone in its batch. */
    @Override
    public void createSchema(Connection c, String schema) throws SQLException {
        execute(c, "CREATE SCHEMA " + quote(schema));
    }

    /** Does nothing but say so: see the class comment. */
    @Override
    public Restore useSchema(Connection c, String schema) throws SQLException {
        String defaultSchema = currentSchema(c);
        if (defaultSchema != null && !defaultSchema.equalsIgnoreCase(schema)) {
            LOG.info("The history is kept in [{}], but SQL Server cannot switch a session's schema: unqualified "
                    + "names in scripts resolve to the user's default schema [{}]. Qualify them, or give the user "
                    + "DEFAULT_SCHEMA = [{}]", schema, defaultSchema, schema);
        }
        return () -> { };
    }

    @Override
    public String varchar(int n) {
        return n <= NVARCHAR_MAX_LENGTH ? "NVARCHAR(" + n + ")" : "NVARCHAR(MAX)";
    }

    @Override
    public String timestamp() {
        return "DATETIME2(3)";
    }

    /**
     * An app lock only exists on SQL Server itself; a database that merely speaks T-SQL (H2 in
     * {@code MODE=MSSQLServer}, chosen with {@code JdbcTarget.dialect("sqlserver")}) gets the lease lock.
     */
    @Override
    public SessionLock sessionLock(Connection work, String key) {
        if (!NativeLocks.isNative(this, work, "sp_getapplock")) {
            return null;
        }
        LOG.debug("Migration lock: sp_getapplock, owned by the session");
        return SqlServerAppLock.create(work, key);
    }

    @Override
    public List<String> lockTimeoutSql(java.time.Duration timeout) {
        return List.of("SET LOCK_TIMEOUT " + (timeout == null ? -1 : Math.max(1, timeout.toMillis())));
    }

    /** 1222: lock request time out period exceeded. */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 1222;
    }

    @Override
    public String sessionIdQuery() {
        return "SELECT @@SPID";
    }

    @Override
    public String liveSessionQuery() {
        return "SELECT CONVERT(VARCHAR(30), last_request_start_time, 126), status FROM sys.dm_exec_sessions "
                + "WHERE session_id = CAST(? AS INT)";
    }

    @Override
    public String endSessionCommand(String id) {
        return "KILL " + id;
    }

    /** Errors 2601/2627 (duplicate key), 2714 (object exists); the SQLStates cover H2 in SQL Server mode. */
    @Override
    public boolean isDuplicate(SQLException e) {
        String state = e.getSQLState();
        return DUPLICATE_ERRORS.contains(e.getErrorCode())
                || state != null && (state.startsWith("23") || state.equals("42S01"));
    }

    @Override
    public String statementTerminator() {
        return "\nGO";
    }
}
