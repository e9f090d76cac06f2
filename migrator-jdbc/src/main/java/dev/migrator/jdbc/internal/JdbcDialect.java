package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SessionLock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How one kind of relational database does each step the engine asks for. Every database difference lives in a
 * subclass; the session and the engine never branch on the database. Subclasses are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services}) and picked by {@link #handles}.
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
        return !transactionalDdl() && DDL.contains(SqlWords.of(statement, syntax()).first());
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
        execute(c, "CREATE SCHEMA " + quote(schema));
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

    /** A session lock for {@code key} on an idle connection, or null where the database has none (a lease is used). */
    public SessionLock sessionLock(Supplier<Connection> connections, String key) {
        return null;
    }

    /** Whether an exception means the row or table already exists (a lost race, not a failure). */
    public boolean isDuplicate(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.equals("42P07") || state.equals("42S01")
                || state.equals("42000") && e.getMessage().toLowerCase(Locale.ROOT).contains("exist"));
    }

    /** Captures the schema's objects, without the named tables. */
    public SchemaModel snapshot(Connection c, String schema, Set<String> excluded) throws SQLException {
        return MetadataSnapshot.capture(this, c, catalogFor(c, schema), schemaFor(schema), excluded);
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
