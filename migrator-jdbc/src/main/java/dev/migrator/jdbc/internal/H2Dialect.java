package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * H2 (the embedded default). H2 2.x commits every DDL statement at once (a rollback does not undo a CREATE TABLE),
 * so DDL is treated as MySQL's is: a script holding DDL is not atomic, and a failure after DDL is FAILED until
 * repair. H2 has no session lock, so a lease row is used.
 */
public final class H2Dialect extends JdbcDialect {
    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean handles(String productName) {
        return productName.equals("H2");
    }

    @Override
    SqlSyntax syntax() {
        return SqlSyntax.H2;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String sessionIdQuery() {
        return "SELECT CAST(SESSION_ID() AS VARCHAR)";
    }

    @Override
    public String liveSessionQuery() {
        return "SELECT CAST(EXECUTING_STATEMENT_START AS VARCHAR), EXECUTING_STATEMENT FROM INFORMATION_SCHEMA.SESSIONS "
                + "WHERE SESSION_ID = CAST(? AS INT)";
    }

    @Override
    public String endSessionCommand(String id) {
        return "CALL ABORT_SESSION(" + id + ")";
    }

    /** H2 writes errors to the database's {@code .trace.db} file: a first boot would leave one behind. */
    @Override
    public boolean readsMissingTableQuietly() {
        return false;
    }

    /**
     * A plain query of the catalog rather than {@code DatabaseMetaData.getTables}, whose H2 implementation can throw
     * a NullPointerException while another session runs DDL (seen when instances boot at once).
     */
    @Override
    public boolean tableExists(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = COALESCE(?, CURRENT_SCHEMA) AND TABLE_NAME = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    /** A catalog query, for the reason given at {@link #tableExists}. */
    @Override
    public String tableInOtherCase(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = COALESCE(?, CURRENT_SCHEMA) AND UPPER(TABLE_NAME) = UPPER(?) "
                + "AND TABLE_NAME <> ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            s.setString(3, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A catalog query, for the reason given at {@link #tableExists}. */
    @Override
    public boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    /** Reads the catalog, one query per kind of object; see {@link H2Snapshot}. */
    @Override
    public SchemaModel snapshot(Connection c, String schema, Set<String> excluded) throws SQLException {
        return H2Snapshot.capture(c, schema, excluded);
    }
}
