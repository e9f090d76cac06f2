package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * H2 (the embedded default). H2 2.x commits every DDL statement at once (a rollback does not undo a CREATE TABLE),
 * so DDL is treated as MySQL's is: a script holding DDL is not atomic, and a failure after DDL is FAILED until
 * repair. H2 has no session lock, so a lease row is used.
 */
public final class H2Dialect extends JdbcDialect {
    /**
     * Held while this JVM changes an H2 catalogue (see {@link #changingCatalog}). One for the JVM, not one per
     * database: the same file database is reached by URLs that differ (relative and absolute paths, settings), and
     * an H2 DDL statement is short, so serialising those of unrelated databases costs next to nothing.
     */
    private static final ReentrantLock CATALOG = new ReentrantLock();

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

    /**
     * One change of the catalogue at a time in this JVM. Two H2 2.3 DDL statements at once can deadlock inside H2:
     * {@code CREATE SCHEMA} (and {@code CREATE TABLE}) waits for the catalogue's table lock while holding the
     * database's monitor, and a {@code CREATE TABLE} that already holds that table lock needs the monitor to add its
     * primary key, so both wait until the lock timeout and one fails with "Timeout trying to lock table SYS". A fleet
     * of schemas in one H2 database hit it about once in 40 runs; H2's maintainers do not support parallel DDL
     * (h2database#2913). An H2 DDL statement commits the session's transaction before it starts, and so does this
     * method before it waits: a session waiting here holds no lock (a row or table of another history in the same
     * schema) that the holder's DDL may need. It also keeps migrator's look for a table and its creation together:
     * H2 2.3 let sessions that ran CREATE TABLE at the same moment each "create" the lock table, and rows one inserted
     * vanished (4 in 300 rounds of 4 threads gave 3 lease holders, before this guard replaced a monitor of the lease
     * lock's own). DDL run by Java migrations on their own connection, and by other programs, is not covered.
     */
    @Override
    public void changingCatalog(Connection c, CatalogChange change) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
        CATALOG.lock();
        try {
            change.run();
        } finally {
            CATALOG.unlock();
        }
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

    /** Reads the catalog, one query per kind of object, as text; see {@link H2Snapshot}. */
    @Override
    public String snapshotText(Connection c, String schema) throws SQLException {
        return H2Snapshot.read(c, schema);
    }

    @Override
    public SchemaModel snapshotOf(String text, String schema, Set<String> excluded) {
        return H2Snapshot.build(text, schema, excluded);
    }
}
