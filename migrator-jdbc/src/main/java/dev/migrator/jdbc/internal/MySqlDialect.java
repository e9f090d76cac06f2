package dev.migrator.jdbc.internal;

import dev.migrator.api.internal.IsoInstant;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SessionLock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * MySQL and MariaDB: DDL commits implicitly, so a script holding DDL is not atomic; {@code GET_LOCK} is a session
 * lock; a "schema" is a database.
 */
public final class MySqlDialect extends JdbcDialect {
    /** The look-ups every boot makes: each opens one table's definition, not every database's (MySqlSnapshotScanIT). */
    static final String TABLE_EXISTS = "SELECT TABLE_NAME FROM information_schema.TABLES "
            + "WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?";
    static final String TABLE_COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS "
            + "WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?";

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public boolean handles(String productName) {
        return productName.equals("MySQL") || productName.equals("MariaDB");
    }

    @Override
    SqlSyntax syntax() {
        return SqlSyntax.MYSQL;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String currentSchema(Connection c) throws SQLException {
        return c.getCatalog();
    }

    @Override
    public boolean schemaExists(Connection c, String schema) throws SQLException {
        try (ResultSet rs = c.getMetaData().getCatalogs()) {
            while (rs.next()) {
                if (rs.getString(1).equals(schema)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void createSchema(Connection c, String schema) throws SQLException {
        execute(c, "CREATE DATABASE IF NOT EXISTS " + quote(schema));
    }

    @Override
    public Restore useSchema(Connection c, String schema) throws SQLException {
        String before = c.getCatalog();
        c.setCatalog(schema);
        return () -> {
            if (before != null) {
                c.setCatalog(before);
            }
        };
    }

    /** MariaDB Connector/J logs every error packet at WARN: a first boot would log the missing history table. */
    @Override
    public boolean readsMissingTableQuietly() {
        return false;
    }

    /**
     * One small catalogue query rather than {@code DatabaseMetaData.getTables}, whose driver implementation builds a
     * query of a dozen computed columns: this runs on every boot here (see {@link #readsMissingTableQuietly}). The name
     * is compared exactly in Java, as the catalogue's collation may ignore case.
     */
    @Override
    public boolean tableExists(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(TABLE_EXISTS)) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (table.equals(rs.getString(1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** As {@link #tableExists}, from {@code information_schema.COLUMNS}: the same one query, with the names. */
    @Override
    public Set<String> tableColumns(Connection c, String schema, String table) throws SQLException {
        Set<String> columns = new java.util.HashSet<>();
        try (PreparedStatement s = c.prepareStatement(TABLE_COLUMNS)) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (table.equals(rs.getString(1))) {
                        columns.add(rs.getString(2).toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return columns;
    }

    @Override
    protected String catalogFor(Connection c, String schema) {
        return schema;
    }

    @Override
    protected String schemaFor(String schema) {
        return null;
    }

    @Override
    public String timestamp() {
        return "DATETIME(3)";
    }

    /**
     * The history's {@code DATETIME} as its text ({@code 2026-12-07 03:12:09.268}). A result with a {@code DATETIME}
     * column makes MariaDB Connector/J initialise its timestamp column class, whose {@code SimpleDateFormat} builds a
     * {@code GregorianCalendar}, whose week data makes the JDK look for locale providers with a {@code ServiceLoader}
     * over every jar on the class path: about 40 ms of a 600 ms no-op boot with the benchmark's 20 jars, more in an
     * application's. Its {@code getString} of such a column formats it again through {@code String.format}.
     */
    @Override
    public String timestampText(String column) {
        return "CAST(" + column + " AS CHAR)";
    }

    @Override
    public Instant utcFromText(String text) {
        return text == null ? null : datetime(text);
    }

    /**
     * As the text the drivers send for a {@code LocalDateTime} (to the microsecond; the server cuts it to the
     * column's precision as before; the history is read as text too, {@link #timestampText}): MariaDB Connector/J formats one through {@code java.time}'s
     * {@code DateTimeFormatter}, for every history row (two per migration holding DDL), which C2 then compiles.
     */
    @Override
    public void setUtc(PreparedStatement s, int index, Instant t) throws SQLException {
        s.setString(index, datetimeText(t));
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.ffffff]}: {@code t} in UTC, to the microsecond ({@link IsoInstant}'s digits). */
    static String datetimeText(Instant t) {
        String iso = IsoInstant.of(t.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        return iso.substring(0, 10) + ' ' + iso.substring(11, iso.length() - 1);
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss} with an optional fraction of one to nine digits, as UTC; null for anything else. By
     * hand, as {@link IsoInstant} writes: {@code LocalDateTime.parse} goes through {@code DateTimeFormatter}, whose
     * first use loads and initialises some 40 classes on every boot.
     */
    static Instant datetime(String t) {
        int n = t.length();
        if (n < 19 || n == 20 || n > 29 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != ' '
                || t.charAt(13) != ':' || t.charAt(16) != ':' || n > 19 && t.charAt(19) != '.') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int fraction = n > 19 ? digits(t, 20, n) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0) {
            return null;
        }
        for (int i = n; i < 29; i++) {
            fraction *= 10;
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, fraction)
                    .toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException notADate) {
            return null;
        }
    }

    /** The decimal number {@code t[from, to)}, or -1 where it holds anything but digits. */
    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    @Override
    public SessionLock sessionLock(Connection work, String key) {
        // GET_LOCK names are at most 64 characters. The lock belongs to the session, not to a transaction: DDL's
        // implicit commits leave it held, and ending the session (KILL, wait_timeout) ends it with the migration.
        String name = "migrator:" + Long.toHexString(LockKeys.fnv64(key));
        return new SqlSessionLock(work, "SELECT GET_LOCK(?, 0)", "SELECT RELEASE_LOCK(?)", name)
                .describedBy("SELECT CAST(ID AS CHAR), CAST(NOW() - INTERVAL TIME SECOND AS CHAR) FROM "
                        + "information_schema.PROCESSLIST WHERE ID = IS_USED_LOCK(?)", name)
                .idleLimitFrom("SELECT @@SESSION.wait_timeout * 1000");
    }

    /** Metadata locks (DDL) wait for lock_wait_timeout, row locks for innodb_lock_wait_timeout: whole seconds. */
    @Override
    public List<String> lockTimeoutSql(java.time.Duration timeout) {
        if (timeout == null) {
            return List.of("SET SESSION lock_wait_timeout = DEFAULT, innodb_lock_wait_timeout = DEFAULT");
        }
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        return List.of("SET SESSION lock_wait_timeout = " + seconds + ", innodb_lock_wait_timeout = " + seconds);
    }

    /** 1205 ER_LOCK_WAIT_TIMEOUT, for metadata and row locks alike. */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 1205;
    }

    @Override
    public String sessionIdQuery() {
        return "SELECT CONNECTION_ID()";
    }

    @Override
    public String liveSessionQuery() {
        return "SELECT CAST(NOW() - INTERVAL TIME SECOND AS CHAR), COMMAND FROM information_schema.PROCESSLIST "
                + "WHERE ID = ?";
    }

    @Override
    public String endSessionCommand(String id) {
        return "KILL " + id;
    }

    /** 1927 connection killed (KILL), 4031 idle past wait_timeout (MySQL 8), 2006/2013 server gone or lost. */
    @Override
    public String endedSessionReason(SQLException e) {
        return switch (e.getErrorCode()) {
            case 1927 -> "killed by an administrator (KILL)";
            case 4031 -> "idle past wait_timeout";
            default -> e.getErrorCode() == 2006 || e.getErrorCode() == 2013
                    || String.valueOf(e.getSQLState()).startsWith("08")
                    ? "the server closed the connection: KILL by an administrator, wait_timeout, a restart, or the "
                    + "network" : super.endedSessionReason(e);
        };
    }

    /** Reads the catalog, one query per kind of object, as text; see {@link MySqlSnapshot}. */
    @Override
    public String snapshotText(Connection c, String schema) throws SQLException {
        return MySqlSnapshot.read(c, schema);
    }

    @Override
    public SchemaModel snapshotOf(String text, String schema, Set<String> excluded) {
        return MySqlSnapshot.build(text, schema, excluded);
    }
}
