package dev.migrator.jdbc.internal;

import dev.migrator.api.TargetException;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SnapshotStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The snapshot table {@code migrator_snapshot}: one snapshot per run that changed the schema, keyed by the history
 * table (as the lock table is) and a sequence number, its text split into parts of {@link #PART} characters so that
 * a plain VARCHAR holds it on every database (no CLOB, whose handling differs by driver). Read only by a drift check,
 * never on a boot.
 *
 * <p>Where the dialect reads its catalog as one text ({@link JdbcDialect#snapshotText}: PostgreSQL, MySQL, H2), that
 * text is what is stored, gzipped and in Base64 after the prefix {@value #CATALOG_TEXT}; other content is the engine's
 * encoding of the model.
 */
final class JdbcSnapshotStore implements SnapshotStore {
    /** Fits VARCHAR on every supported database, Oracle's 4000 bytes and SQL Server's NVARCHAR(4000) included. */
    static final int PART = 2000;
    /**
     * The prefix of content that is the dialect's catalog text, version 1 of that form. Texts are stored for years and
     * read by later releases: a release that reads other columns of the catalog gives its text a new prefix and still
     * builds the model of this one.
     */
    static final String CATALOG_TEXT = "catalog1:";

    private final JdbcSession session;
    private final JdbcDialect dialect;
    private final String schema;
    private final String historyTable;
    private final String qualified;

    JdbcSnapshotStore(JdbcSession session, JdbcDialect dialect, String schema, String historyTable) {
        this.session = session;
        this.dialect = dialect;
        this.schema = schema;
        this.historyTable = historyTable;
        this.qualified = dialect.qualify(schema, TABLE);
    }

    @Override
    public void append(StoredSnapshot snapshot) {
        Connection c = session.work();
        try {
            dialect.changingCatalog(c, () -> create(c));
            int seq = newest(c) + 1;
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + qualified + " (history_table, seq, part, "
                    + "run_id, version, taken_on, content) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                String content = snapshot.content();
                for (int part = 0, from = 0; from < content.length() || part == 0; part++, from += PART) {
                    s.setString(1, historyTable);
                    s.setInt(2, seq);
                    s.setInt(3, part);
                    s.setString(4, snapshot.runId());
                    s.setString(5, snapshot.version());
                    s.setObject(6, LocalDateTime.ofInstant(snapshot.takenOn(), ZoneOffset.UTC));
                    s.setString(7, content.substring(from, Math.min(content.length(), from + PART)));
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw session.targetFailure("Cannot store the schema snapshot in " + qualified, e);
        }
    }

    @Override
    public String captureContent() {
        try {
            String text = dialect.snapshotText(session.work(), schema);
            return text == null ? null : CATALOG_TEXT + pack(text);
        } catch (SQLException e) {
            throw session.targetFailure("Cannot read the schema", e);
        }
    }

    @Override
    public SchemaModel model(String content) {
        if (!content.startsWith(CATALOG_TEXT)) {
            return null;
        }
        try {
            return dialect.snapshotOf(unpack(content.substring(CATALOG_TEXT.length())), schema,
                    session.snapshotExcluded());
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            throw new TargetException("The stored schema snapshot cannot be read (" + e.getMessage() + "): it was "
                    + "damaged; the next migrate or rollback that changes something stores a new one", e);
        }
    }

    /** Gzip, then Base64: the catalog text of the benchmark's 300 tables is stored in 14 KB. */
    static String pack(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes, 8192)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory cannot fail", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static String unpack(String packed) {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(packed)))) {
            return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public StoredSnapshot latest() {
        Connection c = session.work();
        try {
            if (session.schemaMissing() || !dialect.tableExists(c, schema, TABLE)) {
                return null;
            }
            int seq = newest(c);
            if (seq == 0) {
                return null;
            }
            try (PreparedStatement s = c.prepareStatement("SELECT run_id, version, taken_on, content FROM " + qualified
                    + " WHERE history_table = ? AND seq = ? ORDER BY part")) {
                s.setString(1, historyTable);
                s.setInt(2, seq);
                try (ResultSet rs = s.executeQuery()) {
                    StringBuilder content = new StringBuilder();
                    String runId = null;
                    String version = null;
                    LocalDateTime on = null;
                    while (rs.next()) {
                        runId = rs.getString(1);
                        version = rs.getString(2);
                        on = rs.getObject(3, LocalDateTime.class);
                        String part = rs.getString(4);
                        content.append(part == null ? "" : part);
                    }
                    return new StoredSnapshot(runId, version, on.toInstant(ZoneOffset.UTC), content.toString());
                }
            }
        } catch (SQLException e) {
            throw session.targetFailure("Cannot read the schema snapshot from " + qualified, e);
        }
    }

    private int newest(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(seq) FROM " + qualified
                + " WHERE history_table = ?")) {
            s.setString(1, historyTable);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private void create(Connection c) throws SQLException {
        if (dialect.tableExists(c, schema, TABLE)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + qualified + " (history_table " + dialect.varchar(128) + " NOT NULL, seq "
                    + dialect.integer() + " NOT NULL, part " + dialect.integer() + " NOT NULL, run_id "
                    + dialect.varchar(64) + " NOT NULL, version " + dialect.varchar(50) + ", taken_on "
                    + dialect.timestamp() + " NOT NULL, content " + dialect.varchar(PART) + " NOT NULL, "
                    + "PRIMARY KEY (history_table, seq, part))");
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }
}
