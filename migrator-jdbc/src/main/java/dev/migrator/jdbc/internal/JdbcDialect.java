package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SessionLock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How one kind of relational database does each step the engine asks for. Every database difference lives in a
 * subclass; the session and the engine never branch on the database. The subclasses are listed in
 * {@code JdbcSession.Dialects} and picked by {@link #handles}.
 */
public abstract class JdbcDialect {
    private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE", "GRANT", "REVOKE",
            "COMMENT", "ANALYZE", "OPTIMIZE", "REPAIR", "LOCK", "UNLOCK");

    /** The short name users may pass to {@code JdbcTarget.dialect(...)}, such as {@code postgresql}. */
    public abstract String name();

    /** Whether this dialect is the one for a database whose {@code DatabaseMetaData} product name is given. */
    public abstract boolean handles(String productName);

    /** How scripts are split into statements. */
    abstract SqlSyntax syntax();

    /** Whether DDL rolls back with its transaction (PostgreSQL, H2, SQL Server) or commits at once (MySQL, Oracle). */
    public abstract boolean transactionalDdl();

    /** Whether a statement commits the transaction implicitly, so that a later failure cannot roll it back. */
    public boolean commitsImplicitly(String statement) {
        return !transactionalDdl() && DDL.contains(SqlWords.head(statement, syntax(), 1).first());
    }

    /**
     * This dialect as it applies to the server a session opened, whose version some rules depend on. The default
     * has no such rule and returns itself.
     */
    public JdbcDialect forServer(java.sql.DatabaseMetaData server) throws SQLException {
        return this;
    }

    /**
     * Whether statement {@code index} of a script cannot run inside a transaction; the script is given because a
     * rule may depend on what follows. The default asks {@link #cannotRunInTransaction(String)}.
     */
    public boolean cannotRunInTransaction(java.util.List<dev.migrator.api.spi.ScriptStatement> script, int index) {
        return cannotRunInTransaction(script.get(index).text());
    }

    /** Whether a statement is DDL (it changes the schema and takes strong locks on what it changes). */
    public boolean isDdl(String statement) {
        return DDL.contains(SqlWords.head(statement, syntax(), 1).first());
    }

    /**
     * The statements that set this session's lock timeout to {@code timeout}, or back to the database's own setting
     * when {@code timeout} is null; empty where the database has no such setting.
     */
    public List<String> lockTimeoutSql(java.time.Duration timeout) {
        return List.of();
    }

    /** Whether an error says that a statement gave up waiting for a lock (so trying again later may succeed). */
    public boolean isLockTimeout(SQLException e) {
        return false;
    }

    /** Whether a statement cannot run inside a transaction at all (PostgreSQL {@code CREATE INDEX CONCURRENTLY}). */
    public boolean cannotRunInTransaction(String statement) {
        return false;
    }

    /**
     * Fails a statement that the database reported only as a warning, such as Oracle's PL/SQL unit created with
     * compilation errors. The default accepts every warning.
     */
    public void checkWarnings(java.sql.SQLWarning warnings) throws SQLException {
    }

    /** Quotes an identifier. */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The schema the connection works in now. */
    public String currentSchema(Connection c) throws SQLException {
        return c.getSchema();
    }

    /** Whether a schema exists. */
    public boolean schemaExists(Connection c, String schema) throws SQLException {
        try (ResultSet rs = c.getMetaData().getSchemas(null, schema)) {
            while (rs.next()) {
                if (rs.getString("TABLE_SCHEM").equals(schema)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Creates a schema that does not exist. */
    public void createSchema(Connection c, String schema) throws SQLException {
        changingCatalog(c, () -> execute(c, "CREATE SCHEMA " + quote(schema)));
    }

    /**
     * Runs a change of the catalogue on {@code c}: a DDL statement of a migration, or migrator's own look for a table
     * and its creation. The default runs it as it is; {@link H2Dialect} runs one at a time.
     */
    public void changingCatalog(Connection c, CatalogChange change) throws SQLException {
        change.run();
    }

    /** A change of the catalogue, for {@link #changingCatalog}. */
    @FunctionalInterface
    public interface CatalogChange {
        void run() throws SQLException;
    }

    /**
     * Makes {@code schema} current on the connection and returns what restores the connection's previous state,
     * so that a pooled connection goes back as it came.
     */
    public Restore useSchema(Connection c, String schema) throws SQLException {
        String before = c.getSchema();
        c.setSchema(schema);
        return () -> c.setSchema(before);
    }

    /**
     * Whether reading a table that does not exist fails quietly: only the caller sees the error. Where it does, the
     * history is read without looking for it first (one round trip less on every boot), and looked for only when the
     * read fails. Not where the driver logs every error it receives (MariaDB Connector/J, at WARN) or the database
     * writes it to a file of its own (H2's {@code .trace.db}): a first boot would leave an error behind.
     */
    public boolean readsMissingTableQuietly() {
        return true;
    }

    /**
     * The names of {@code table}'s columns in lower case, empty where the table does not exist, from one catalog query;
     * null where the dialect does not list them with the look-up ({@link #tableExists} answers then, and the history
     * is read with {@code SELECT *}). A dialect that reads the history's time as text ({@link #timestampText}) lists
     * them, to name the columns it reads.
     */
    public java.util.Set<String> tableColumns(Connection c, String schema, String table) throws SQLException {
        return null;
    }

    /** Whether a table exists in a schema. */
    public boolean tableExists(Connection c, String schema, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(catalogFor(c, schema), schemaFor(schema), table, null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equals(table)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The name of a table that differs from {@code table} only in case, or null. Asked only when {@code table} is
     * missing (a first boot), so it may scan the schema's catalog.
     */
    public String tableInOtherCase(Connection c, String schema, String table) throws SQLException {
        String in = schemaFor(schema != null ? schema : c.getSchema());
        try (ResultSet rs = c.getMetaData().getTables(catalogFor(c, schema), in, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name.equalsIgnoreCase(table) && !name.equals(table)) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The catalog argument for {@code DatabaseMetaData} look-ups of a schema (MySQL puts databases there). */
    protected String catalogFor(Connection c, String schema) throws SQLException {
        return null;
    }

    /** The schema argument for {@code DatabaseMetaData} look-ups. */
    protected String schemaFor(String schema) {
        return schema;
    }

    /** A schema-qualified, quoted table name. */
    public String qualify(String schema, String table) {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    /** The type of a string column of at most {@code n} characters. */
    public String varchar(int n) {
        return "VARCHAR(" + n + ")";
    }

    /** The type of a 32-bit integer column. */
    public String integer() {
        return "INT";
    }

    /** The type of a 64-bit integer column. */
    public String bigint() {
        return "BIGINT";
    }

    /** The type of a column holding a UTC date and time with milliseconds. */
    public String timestamp() {
        return "TIMESTAMP(3)";
    }

    /** Binds {@code t} as the UTC wall time a timestamp column of the history holds ({@link #readUtc} reads it). */
    public void setUtc(java.sql.PreparedStatement s, int index, Instant t) throws SQLException {
        s.setObject(index, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    /**
     * An expression reading the history's timestamp {@code column} as text, where reading the column's own type costs
     * a fresh JVM more than its text does; null (the default) to read the column itself with {@link #readUtc}. The
     * text is read back by {@link #utcFromText}.
     */
    public String timestampText(String column) {
        return null;
    }

    /** The instant a {@link #timestampText} expression's text stands for (UTC wall time); null if it is none. */
    public Instant utcFromText(String text) {
        throw new UnsupportedOperationException(name() + " reads its timestamps as they are");
    }

    /** Reads a {@link #timestamp()} column written as a UTC {@code LocalDateTime}; null when it is NULL. */
    public Instant readUtc(ResultSet rs, int column) throws SQLException {
        LocalDateTime on = rs.getObject(column, LocalDateTime.class);
        return on == null ? null : on.toInstant(ZoneOffset.UTC);
    }

    /**
     * Why a session lock on {@code work} would protect nothing, because a pooler sits between it and the server (then
     * the session takes the fenced lease lock); null for a direct connection or where the database cannot tell.
     */
    public String pooledBy(Connection work, Supplier<String> serverSessionId) {
        return null;
    }

    /** A session lock for {@code key} on an idle connection, or null where the database has none (a lease is used). */
    public SessionLock sessionLock(Connection work, String key) {
        return null;
    }

    /**
     * A query answering the server's id of the current session, recorded on STARTED rows; null where there is none.
     */
    public String sessionIdQuery() {
        return null;
    }

    /**
     * A query taking a session id and answering, when that session is still alive on the server, one row: since
     * when it runs its current statement, and the statement's start; no row when it has ended. Null where the
     * database offers none.
     */
    public String liveSessionQuery() {
        return null;
    }

    /** How an operator ends the session with that id, for messages: {@code SELECT pg_terminate_backend(4711)}. */
    public String endSessionCommand(String id) {
        return null;
    }

    /**
     * Why the session ended, judged from the error that revealed it, when the connection is no longer usable: a
     * readable cause such as "terminated by an administrator". The base knows only SQLState class 08 (connection
     * exception); dialects add their own codes.
     */
    public String endedSessionReason(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("08") ? "the connection was lost, SQLState " + state : null;
    }

    /** Whether an exception means the row or table already exists (a lost race, not a failure). */
    public boolean isDuplicate(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.equals("42P07") || state.equals("42S01")
                || state.equals("42000") && e.getMessage().toLowerCase(Locale.ROOT).contains("exist"));
    }

    /**
     * Captures the schema's objects, without the named tables: the model of its catalog text where this database
     * gives one ({@link #snapshotText}), so that a live snapshot and a stored one are built by the same code; else
     * from {@link java.sql.DatabaseMetaData}.
     */
    public SchemaModel snapshot(Connection c, String schema, Set<String> excluded) throws SQLException {
        String text = snapshotText(c, schema);
        return text != null ? snapshotOf(text, schema, excluded)
                : MetadataSnapshot.capture(this, c, catalogFor(c, schema), schemaFor(schema), excluded);
    }

    /**
     * The schema's catalog as one text that a drift snapshot can store as it is, where this database gives it so
     * ({@link PostgresSnapshot}, {@link MySqlSnapshot}, {@link H2Snapshot}); {@code null} where the snapshot is read
     * from {@link java.sql.DatabaseMetaData}.
     */
    public String snapshotText(Connection c, String schema) throws SQLException {
        return null;
    }

    /** The model of a text {@link #snapshotText} gave, now or when a run stored it. */
    public SchemaModel snapshotOf(String text, String schema, Set<String> excluded) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " gives no catalog text");
    }

    /** How a statement is ended in a reviewable script. */
    public String statementTerminator() {
        return ";";
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Undoes a change to a connection's state. */
    @FunctionalInterface
    public interface Restore {
        void restore() throws SQLException;
    }
}
