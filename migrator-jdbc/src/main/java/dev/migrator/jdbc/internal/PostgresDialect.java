package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SessionLock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * PostgreSQL: transactional DDL; a session advisory lock (never the transaction-scoped one, which deadlocks with
 * {@code CREATE INDEX CONCURRENTLY}, flyway#3497); some statements must run outside a transaction.
 */
public final class PostgresDialect extends JdbcDialect {
    private static final Pattern NO_TRANSACTION = Pattern.compile("(?is)^\\s*("
            + "CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY"
            + "|DROP\\s+INDEX\\s+CONCURRENTLY"
            + "|REINDEX\\b.*\\bCONCURRENTLY"
            + "|ALTER\\s+INDEX\\b.*\\bATTACH\\s+PARTITION\\b.*\\bCONCURRENTLY"
            + "|ALTER\\s+TABLE\\b.*\\bDETACH\\s+PARTITION\\b.*\\bCONCURRENTLY"
            + "|VACUUM\\b|CREATE\\s+DATABASE\\b|DROP\\s+DATABASE\\b|ALTER\\s+SYSTEM\\b"
            + "|CREATE\\s+TABLESPACE\\b|DROP\\s+TABLESPACE\\b"
            + "|ALTER\\s+TYPE\\b.*\\bADD\\s+VALUE\\b"
            + ").*");

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean handles(String productName) {
        return productName.equals("PostgreSQL");
    }

    @Override
    public SqlSyntax syntax() {
        return SqlSyntax.POSTGRESQL;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /**
     * {@code ALTER TYPE ... ADD VALUE} is listed because before PostgreSQL 12 it cannot run in a transaction block,
     * and after 12 a new value cannot be used in the same transaction: running it alone is right on every version.
     */
    @Override
    public boolean cannotRunInTransaction(String statement) {
        return NO_TRANSACTION.matcher(statement).matches();
    }

    @Override
    public Restore useSchema(Connection c, String schema) throws SQLException {
        String before;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW search_path")) {
            rs.next();
            before = rs.getString(1);
        }
        // Kept, after ours, so that extensions installed in public (or wherever the connection pointed) still resolve.
        execute(c, "SET search_path TO " + quote(schema) + (before == null || before.isBlank() ? "" : ", " + before));
        return () -> execute(c, "SET search_path TO " + (before == null || before.isBlank() ? "DEFAULT" : before));
    }

    /**
     * One small catalog query instead of {@code DatabaseMetaData.getTables}, whose generic SQL the server plans
     * anew on every boot of every instance. A database that only speaks PostgreSQL's dialect (chosen with
     * {@code JdbcTarget.dialect("postgresql")}) may have no {@code pg_tables}: it gets the metadata look-up.
     */
    @Override
    public boolean tableExists(Connection c, String schema, String table) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return super.tableExists(c, schema, table);
        }
        try (java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = ? AND tablename = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public SessionLock sessionLock(Supplier<Connection> connections, String key) {
        long id = LockKeys.fnv64(key);
        return new SqlSessionLock(connections, "SELECT pg_try_advisory_lock(?)", "SELECT pg_advisory_unlock(?)", id);
    }

    /** Reads the catalog, one query per kind of object; see {@link PostgresSnapshot}. */
    @Override
    public SchemaModel snapshot(Connection c, String schema, Set<String> excluded) throws SQLException {
        return PostgresSnapshot.capture(c, schema, excluded);
    }
}
