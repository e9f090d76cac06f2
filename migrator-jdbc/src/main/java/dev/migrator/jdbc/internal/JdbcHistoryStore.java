package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.LostLockException;
import dev.migrator.api.TargetException;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryRecord.Field;
import dev.migrator.api.spi.HistoryStore;
import dev.migrator.api.internal.Secrets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The history table. Times are stored as UTC without a zone, which every database and driver handles alike.
 * Columns are documented in docs/migrations.md; tools read them, so renaming one needs a migration of the table.
 */
final class JdbcHistoryStore implements HistoryStore {
    private static final Field[] FIELDS = Field.values();

    private final JdbcSession session;
    private final JdbcDialect dialect;
    private final String schema;
    private final String table;
    private final String qualified;
    private PreparedStatement insert;
    private PreparedStatement fencedInsert;
    /**
     * The table's columns (lower case) as {@link #exists} last found them, where the dialect lists them with the
     * look-up ({@link JdbcDialect#tableColumns}); null where it does not.
     */
    private Set<String> columnsFound;

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
            if (session.schemaMissing()) {
                return false;
            }
            columnsFound = dialect.tableColumns(session.work(), schema, table);
            boolean found = columnsFound != null ? !columnsFound.isEmpty()
                    : dialect.tableExists(session.work(), schema, table);
            if (!found) {
                refuseOtherCase(session.work());
            }
            return found;
        } catch (SQLException e) {
            throw error("look for", e);
        }
    }

    /**
     * Refuses, before anything is written, a history table whose name differs from an existing one only in case:
     * it would start a second, empty history and run every migration again.
     */
    private void refuseOtherCase(Connection c) throws SQLException {
        String other = dialect.tableInOtherCase(c, schema, table);
        if (other != null) {
            throw new ConfigurationException("historyTable: '" + table + "' differs only in case from the existing "
                    + "table '" + other + "'; migrator would start a second, empty history there and run every "
                    + "migration again. Set historyTable to '" + other + "' if that is the history; nothing was "
                    + "changed");
        }
    }

    /**
     * Creates the table, or adds the columns that later releases introduced ({@link Field#added()}) to a table an
     * older release created. Runs under the migration lock, so two instances never alter it at once.
     */
    @Override
    public void create() {
        Connection c = session.work();
        try {
            session.ensureSchema();
            dialect.changingCatalog(c, () -> createOrComplete(c));
        } catch (SQLException e) {
            throw error("create", e);
        }
    }

    private void createOrComplete(Connection c) throws SQLException {
        if (dialect.tableExists(c, schema, table)) {
            addMissingColumns(c);
            return;
        }
        refuseOtherCase(c);
        StringJoiner columns = new StringJoiner(", ", "CREATE TABLE " + qualified + " (", ")");
        for (Field f : FIELDS) {
            columns.add(f.column() + " " + type(f) + (f == Field.RANK ? " NOT NULL PRIMARY KEY"
                    : f.required() ? " NOT NULL" : ""));
        }
        executeInAutocommit(c, columns.toString());
    }

    private void addMissingColumns(Connection c) throws SQLException {
        Set<String> present = columns(c);
        for (Field f : FIELDS) {
            if (f.added() && !present.contains(f.column())) {
                executeInAutocommit(c, "ALTER TABLE " + qualified + " ADD " + f.column() + " " + type(f));
            }
        }
    }

    private Set<String> columns(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + qualified + " WHERE 1 = 0")) {
            var md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private String type(Field f) {
        return switch (f) {
            case RANK -> dialect.integer();
            case INSTALLED_ON -> dialect.timestamp();
            case EXECUTION_TIME -> dialect.bigint();
            default -> dialect.varchar(f.maxLength());
        };
    }

    private static void executeInAutocommit(Connection c, String sql) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /**
     * Reads every row, matched by column name: {@code SELECT *}, so that a table an older release created (without
     * the columns added since) still reads on a no-op boot, which never alters it; or, where the dialect's look-up
     * lists the columns ({@link JdbcDialect#tableColumns}), the columns it found, by name.
     */
    @Override
    public List<HistoryRecord> read() {
        Set<String> columns = null;
        if (!dialect.readsMissingTableQuietly()) {
            if (!exists()) {
                return List.of();
            }
            columns = columnsFound;
        }
        try {
            return rows(columns);
        } catch (SQLException | UncheckedSql e) {
            if (missing()) {
                return List.of(); // as the contract says; looked for only now, so a no-op boot costs one query
            }
            if (dialect.readsMissingTableQuietly()) {
                // Read before another instance created the table, looked for after it did: it is there now, so read
                // it (instances booting at once on an empty database meet here). Any other failure fails again.
                try {
                    return rows(null);
                } catch (SQLException | UncheckedSql again) {
                    throw error("read", again instanceof UncheckedSql u ? u.getCause() : (SQLException) again);
                }
            }
            throw error("read", e instanceof UncheckedSql u ? u.getCause() : (SQLException) e);
        }
    }

    /**
     * The rows: the fields among {@code columns} by name, the time as the dialect's text where it has one
     * ({@link JdbcDialect#timestampText}); {@code SELECT *} for null.
     */
    private List<HistoryRecord> rows(Set<String> columns) throws SQLException {
        if (columns == null) {
            return rows("SELECT * FROM " + qualified + " ORDER BY installed_rank", false);
        }
        String installedOnText = dialect.timestampText(Field.INSTALLED_ON.column());
        StringJoiner select = new StringJoiner(", ", "SELECT ", " FROM " + qualified + " ORDER BY installed_rank");
        for (Field f : FIELDS) {
            if (columns.contains(f.column())) {
                select.add(f == Field.INSTALLED_ON && installedOnText != null
                        ? installedOnText + " AS " + f.column() : f.column());
            }
        }
        return rows(select.toString(), installedOnText != null);
    }

    /** The rows {@code query} reads, matched by column label; {@code installedOnText}: that column is text. */
    private List<HistoryRecord> rows(String query, boolean installedOnText) throws SQLException {
        List<HistoryRecord> rows = new ArrayList<>();
        try (Statement s = session.work().createStatement(); ResultSet rs = s.executeQuery(query)) {
            var md = rs.getMetaData();
            int[] index = new int[FIELDS.length];
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String label = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                for (Field f : FIELDS) {
                    if (f.column().equals(label)) {
                        index[f.ordinal()] = i;
                    }
                }
            }
            int installedOn = index[Field.INSTALLED_ON.ordinal()];
            while (rs.next()) {
                Instant on = installedOnText ? dialect.utcFromText(rs.getString(installedOn))
                        : dialect.readUtc(rs, installedOn);
                rows.add(HistoryRecord.of(rs.getInt(index[Field.RANK.ordinal()]), f -> text(rs, index[f.ordinal()]),
                        on, rs.getLong(index[Field.EXECUTION_TIME.ordinal()])));
            }
        }
        return rows;
    }

    /**
     * Whether the table is certainly missing; false when even looking fails, so the first error is reported. A table
     * whose name differs only in case is refused here ({@link #refuseOtherCase}), as {@link #exists} refuses it.
     */
    private boolean missing() {
        try {
            return !exists();
        } catch (ConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String text(ResultSet rs, int index) {
        try {
            return index == 0 ? null : rs.getString(index);
        } catch (SQLException e) {
            throw new UncheckedSql(e);
        }
    }

    /** Carries a SQLException out of the field function of {@link HistoryRecord#of}. */
    private static final class UncheckedSql extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
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

    /** Appends the rows in one transaction: a run that dies midway leaves none of them. */
    @Override
    public void appendAll(List<HistoryRecord> records) {
        Connection c = session.work();
        try {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                for (HistoryRecord r : records) {
                    insert(r);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                c.setAutoCommit(auto);
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
        JdbcLeaseLock.Fence fence = session.fence();
        PreparedStatement s = fence == null ? plainInsert() : fencedInsert(fence);
        for (Field f : FIELDS) {
            int i = f.ordinal() + 1;
            switch (f) {
                case RANK -> s.setInt(i, r.rank());
                case INSTALLED_ON -> dialect.setUtc(s, i, r.installedOn());
                case EXECUTION_TIME -> s.setLong(i, r.executionMillis());
                default -> setString(s, i, f.text(r), f.maxLength());
            }
        }
        if (fence != null) {
            s.setString(FIELDS.length + 1, fence.lockId());
            s.setString(FIELDS.length + 2, fence.owner());
        }
        if (s.executeUpdate() == 0) {
            throw new LostLockException("The migration lock lease on " + session.describe() + " was taken over by "
                    + "another instance (this one stalled past its lease); the history row for " + r.script()
                    + " was refused and its transaction rolled back. Run migrate again");
        }
    }

    private PreparedStatement plainInsert() throws SQLException {
        if (insert == null) {
            insert = session.work().prepareStatement("INSERT INTO " + qualified + " (" + columnList() + ") VALUES ("
                    + marks() + ")");
        }
        return insert;
    }

    /**
     * The insert that only writes while the lease row still names this owner: in the same statement, so a write in
     * flight when the lease was taken over is refused (the check and the write cannot be split by a takeover).
     */
    private PreparedStatement fencedInsert(JdbcLeaseLock.Fence fence) throws SQLException {
        if (fencedInsert == null) {
            fencedInsert = session.work().prepareStatement("INSERT INTO " + qualified + " (" + columnList() + ") "
                    + "SELECT " + marks() + " FROM " + fence.table() + " WHERE lock_id = ? AND owner = ?");
        }
        return fencedInsert;
    }

    private static String columnList() {
        StringJoiner names = new StringJoiner(", ");
        for (Field f : FIELDS) {
            names.add(f.column());
        }
        return names.toString();
    }

    private static String marks() {
        return String.join(", ", java.util.Collections.nCopies(FIELDS.length, "?"));
    }

    /** Closes the prepared insert; the session closes its connection after. */
    void close() {
        for (PreparedStatement s : new PreparedStatement[] {insert, fencedInsert}) {
            if (s != null) {
                try {
                    s.close();
                } catch (SQLException e) {
                    // The connection is closed next, which releases the statement anyway.
                }
            }
        }
        insert = null;
        fencedInsert = null;
    }

    private static void setString(PreparedStatement s, int i, String value, int max) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i, value.length() > max ? value.substring(0, max) : value);
        }
    }

    private TargetException error(String what, SQLException e) {
        return session.targetFailure("Cannot " + what + " the history table " + qualified, e);
    }
}
