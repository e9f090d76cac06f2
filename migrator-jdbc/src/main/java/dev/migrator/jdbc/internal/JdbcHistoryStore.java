package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryStore;
import dev.migrator.api.spi.Secrets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The history table. Times are stored as UTC without a zone, which every database and driver handles alike.
 * Columns are documented in docs/migrations.md; tools read them, so renaming one needs a migration of the table.
 */
final class JdbcHistoryStore implements HistoryStore {
    private static final String COLUMNS = "installed_rank, version, description, type, script, checksum, action, "
            + "outcome, installed_by, database_user, host, tool_version, run_id, installed_on, execution_time, error";

    private final JdbcSession session;
    private final JdbcDialect dialect;
    private final String schema;
    private final String table;
    private final String qualified;
    private PreparedStatement insert;

    JdbcHistoryStore(JdbcSession session, JdbcDialect dialect, String schema, String table) {
        this.session = session;
        this.dialect = dialect;
        this.schema = schema;
        this.table = table;
        this.qualified = dialect.qualify(schema, table);
    }

    @Override
    public boolean exists() {
        try {
            return !session.schemaMissing() && dialect.tableExists(session.work(), schema, table);
        } catch (SQLException e) {
            throw error("look for", e);
        }
    }

    @Override
    public void create() {
        Connection c = session.work();
        try {
            session.ensureSchema();
            if (dialect.tableExists(c, schema, table)) {
                return;
            }
            String ddl = "CREATE TABLE " + qualified + " ("
                    + "installed_rank " + dialect.integer() + " NOT NULL PRIMARY KEY, "
                    + "version " + dialect.varchar(50) + ", "
                    + "description " + dialect.varchar(200) + " NOT NULL, "
                    + "type " + dialect.varchar(20) + " NOT NULL, "
                    + "script " + dialect.varchar(1000) + " NOT NULL, "
                    + "checksum " + dialect.varchar(80) + ", "
                    + "action " + dialect.varchar(20) + " NOT NULL, "
                    + "outcome " + dialect.varchar(20) + " NOT NULL, "
                    + "installed_by " + dialect.varchar(100) + ", "
                    + "database_user " + dialect.varchar(100) + ", "
                    + "host " + dialect.varchar(255) + ", "
                    + "tool_version " + dialect.varchar(30) + ", "
                    + "run_id " + dialect.varchar(36) + ", "
                    + "installed_on " + dialect.timestamp() + " NOT NULL, "
                    + "execution_time " + dialect.bigint() + " NOT NULL, "
                    + "error " + dialect.varchar(2000) + ")";
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(ddl);
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw error("create", e);
        }
    }

    @Override
    public List<HistoryRecord> read() {
        List<HistoryRecord> rows = new ArrayList<>();
        try (Statement s = session.work().createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM " + qualified + " ORDER BY installed_rank")) {
            while (rs.next()) {
                LocalDateTime on = rs.getObject(14, LocalDateTime.class);
                rows.add(new HistoryRecord(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), HistoryRecord.Action.valueOf(rs.getString(7)),
                        HistoryRecord.Outcome.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13),
                        on.toInstant(ZoneOffset.UTC), rs.getLong(15), rs.getString(16)));
            }
        } catch (SQLException e) {
            throw error("read", e);
        }
        return rows;
    }

    @Override
    public void append(HistoryRecord record) {
        Connection c = session.work();
        try {
            insert(record);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw error("write to", e);
        }
    }

    /**
     * Inserts a row on the work connection, inside whatever transaction it has. The statement is prepared once per
     * run: H2 and some drivers parse it again for every prepare, and a run may write thousands of rows.
     */
    void insert(HistoryRecord r) throws SQLException {
        if (insert == null) {
            insert = session.work().prepareStatement("INSERT INTO " + qualified + " (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        PreparedStatement s = insert;
        s.setInt(1, r.rank());
        setString(s, 2, r.version(), 50);
        setString(s, 3, r.description(), 200);
        setString(s, 4, r.type(), 20);
        setString(s, 5, r.script(), 1000);
        setString(s, 6, r.checksum(), 80);
        setString(s, 7, r.action().name(), 20);
        setString(s, 8, r.outcome().name(), 20);
        setString(s, 9, r.installedBy(), 100);
        setString(s, 10, r.databaseUser(), 100);
        setString(s, 11, r.host(), 255);
        setString(s, 12, r.toolVersion(), 30);
        setString(s, 13, r.runId(), 36);
        s.setObject(14, LocalDateTime.ofInstant(r.installedOn(), ZoneOffset.UTC));
        s.setLong(15, r.executionMillis());
        setString(s, 16, r.error(), 2000);
        s.executeUpdate();
    }

    /** Closes the prepared insert; the session closes its connection after. */
    void close() {
        if (insert != null) {
            try {
                insert.close();
            } catch (SQLException e) {
                // The connection is closed next, which releases the statement anyway.
            }
            insert = null;
        }
    }

    private static void setString(PreparedStatement s, int i, String value, int max) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i, value.length() > max ? value.substring(0, max) : value);
        }
    }

    private ConfigurationException error(String what, SQLException e) {
        return new ConfigurationException("Cannot " + what + " the history table " + qualified + " on "
                + session.describe() + ": " + Secrets.mask(e.getMessage())
                + ". Check that the database user may create and write tables in this schema", e);
    }
}
