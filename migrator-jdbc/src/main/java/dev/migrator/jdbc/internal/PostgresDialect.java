package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SessionLock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.List;
import java.sql.DatabaseMetaData;
import dev.migrator.api.spi.ScriptStatement;

/**
 * PostgreSQL: transactional DDL; a session advisory lock (never the transaction-scoped one, which deadlocks with
 * {@code CREATE INDEX CONCURRENTLY}, flyway#3497); some statements must run outside a transaction.
 */
public final class PostgresDialect extends JdbcDialect {
    /** PostgreSQL 12 lets {@code ALTER TYPE ... ADD VALUE} run inside a transaction block. */
    static final int ADD_VALUE_IN_TRANSACTION_SINCE = 12;
    private static final Set<String> CREATE_DROP = Set.of("CREATE", "DROP");
    private static final Set<String> DATABASE_TABLESPACE = Set.of("DATABASE", "TABLESPACE");

    /** The server's major version; 0 when unknown (then the rules of the oldest supported version apply). */
    private final int serverMajor;

    public PostgresDialect() {
        this(0);
    }

    PostgresDialect(int serverMajor) {
        this.serverMajor = serverMajor;
    }

    @Override
    public JdbcDialect forServer(DatabaseMetaData server) throws SQLException {
        return server.getDatabaseProductName().equals("PostgreSQL")
                ? new PostgresDialect(server.getDatabaseMajorVersion()) : this;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean handles(String productName) {
        return productName.equals("PostgreSQL");
    }

    @Override
    SqlSyntax syntax() {
        return SqlSyntax.POSTGRESQL;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /**
     * Read from the statement's words, comments skipped: {@code CREATE [UNIQUE] INDEX CONCURRENTLY},
     * {@code DROP INDEX CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY}, {@code REINDEX DATABASE|SYSTEM},
     * {@code ALTER TABLE|INDEX ... ATTACH|DETACH PARTITION ... CONCURRENTLY}, {@code VACUUM},
     * {@code CREATE|DROP DATABASE|TABLESPACE}, {@code ALTER SYSTEM}, and before PostgreSQL 12
     * {@code ALTER TYPE ... ADD VALUE}.
     */
    @Override
    public boolean cannotRunInTransaction(String statement) {
        // The first four words decide, except for REINDEX and ALTER, which may say CONCURRENTLY anywhere: only they
        // read the whole statement (this runs for every statement of every script).
        SqlWords head = SqlWords.head(statement, SqlSyntax.POSTGRESQL, 4);
        String first = head.first();
        switch (first) {
            case "VACUUM":
                return true;
            case "CREATE":
                return head.all().size() > 1 && DATABASE_TABLESPACE.contains(head.all().get(1))
                        || head.startsWith("CREATE", "INDEX", "CONCURRENTLY")
                        || head.startsWith("CREATE", "UNIQUE", "INDEX", "CONCURRENTLY");
            case "DROP":
                return head.all().size() > 1 && DATABASE_TABLESPACE.contains(head.all().get(1))
                        || head.startsWith("DROP", "INDEX", "CONCURRENTLY");
            case "ALTER":
                // Only ALTER SYSTEM, ALTER TYPE ... ADD VALUE and a CONCURRENTLY partition change qualify; a word the
                // text does not hold at all (in any case) cannot be among its words.
                if (!head.startsWith("ALTER", "SYSTEM") && !head.startsWith("ALTER", "TYPE")
                        && !statement.toUpperCase(java.util.Locale.ROOT).contains("CONCURRENTLY")) {
                    return false;
                }
                break;
            case "REINDEX":
                break;
            default:
                return false;
        }
        SqlWords w = SqlWords.of(statement, SqlSyntax.POSTGRESQL);
        boolean concurrently = w.contains("CONCURRENTLY");
        return switch (first) {
            case "REINDEX" -> concurrently || w.startsWith("REINDEX", "DATABASE") || w.startsWith("REINDEX", "SYSTEM");
            case "ALTER" -> w.startsWith("ALTER", "SYSTEM")
                    || concurrently && (w.startsWith("ALTER", "TABLE") || w.startsWith("ALTER", "INDEX"))
                    && w.containsPair(Set.of("ATTACH", "DETACH"), Set.of("PARTITION"))
                    || serverMajor < ADD_VALUE_IN_TRANSACTION_SINCE && isAddValue(w);
            default -> false;
        };
    }

    /**
     * On PostgreSQL 12 and later {@code ALTER TYPE ... ADD VALUE} runs in the script's transaction, so a failure
     * rolls the whole script back; but a value added in a transaction cannot be used before it commits. A script
     * that uses the new value in a later statement (its label appears as a string there) therefore still runs
     * outside a transaction, as it did on every version before.
     */
    @Override
    public boolean cannotRunInTransaction(List<ScriptStatement> script, int index) {
        String text = script.get(index).text();
        if (cannotRunInTransaction(text)) {
            return true;
        }
        if (!SqlWords.head(text, SqlSyntax.POSTGRESQL, 2).startsWith("ALTER", "TYPE")) {
            return false;
        }
        SqlWords w = SqlWords.of(text, SqlSyntax.POSTGRESQL);
        if (!isAddValue(w)) {
            return false;
        }
        String label = addedLabel(text);
        for (int i = index + 1; i < script.size(); i++) {
            if (label == null || script.get(i).text().contains(label)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAddValue(SqlWords w) {
        return w.startsWith("ALTER", "TYPE") && w.containsPair(Set.of("ADD"), Set.of("VALUE"));
    }

    /** The quoted label after {@code ADD VALUE [IF NOT EXISTS]}, quotes included, or null if it cannot be found. */
    private static String addedLabel(String text) {
        int quote = text.indexOf('\'', text.toUpperCase(java.util.Locale.ROOT).indexOf("VALUE"));
        if (quote < 0) {
            return null;
        }
        int close = text.indexOf('\'', quote + 1);
        return close < 0 ? null : text.substring(quote, close + 1);
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
    public String tableInOtherCase(Connection c, String schema, String table) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return super.tableInOtherCase(c, schema, table);
        }
        try (java.sql.PreparedStatement s = c.prepareStatement("SELECT tablename FROM pg_catalog.pg_tables "
                + "WHERE schemaname = ? AND lower(tablename) = lower(?) AND tablename <> ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            s.setString(3, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * A session-level advisory lock on the work connection (behind a pooler the session takes the lease instead, see
     * {@link #pooledBy}): it holds no transaction (so a {@code CREATE INDEX CONCURRENTLY} in the same session or a
     * peer's cannot deadlock with it), and whatever ends the session ends the lock and the migration together.
     */
    @Override
    public SessionLock sessionLock(Connection work, String key) {
        long id = LockKeys.fnv64(key);
        // pg_locks shows a bigint advisory key as two 32-bit halves: classid the high, objid the low, objsubid 1.
        return new SqlSessionLock(work, "SELECT pg_try_advisory_lock(?)", "SELECT pg_advisory_unlock(?)", id)
                .describedBy("SELECT CAST(a.pid AS TEXT), CAST(a.query_start AS TEXT) FROM pg_locks l "
                        + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                        + "AND l.objsubid = 1 AND CAST(l.classid AS BIGINT) = ? AND CAST(l.objid AS BIGINT) = ?",
                        id >>> 32, id & 0xFFFFFFFFL)
                .idleLimitFrom("SELECT CAST(EXTRACT(EPOCH FROM CAST(COALESCE(NULLIF(current_setting("
                        + "'idle_session_timeout', true), ''), '0') AS INTERVAL)) * 1000 AS BIGINT)")
                .verifiedBy("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
                        + "AND pid = pg_backend_pid() AND objsubid = 1 AND (CAST(classid AS BIGINT) << 32) "
                        + "+ CAST(objid AS BIGINT) = ?)");
    }

    @Override
    public String pooledBy(Connection work, java.util.function.Supplier<String> serverSessionId) {
        return PostgresPooler.pooledSessions(work, serverSessionId);
    }

    @Override
    public List<String> lockTimeoutSql(java.time.Duration timeout) {
        return List.of(timeout == null ? "SET lock_timeout TO DEFAULT"
                : "SET lock_timeout = '" + Math.max(1, timeout.toMillis()) + "ms'");
    }

    /** 55P03 lock_not_available: what lock_timeout raises. */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }

    @Override
    public String sessionIdQuery() {
        return "SELECT pg_backend_pid()";
    }

    @Override
    public String liveSessionQuery() {
        return "SELECT CAST(query_start AS VARCHAR), state FROM pg_stat_activity WHERE pid = CAST(? AS INTEGER)";
    }

    @Override
    public String endSessionCommand(String id) {
        return "SELECT pg_terminate_backend(" + id + ")";
    }

    /** The SQLStates with which PostgreSQL ends a session (FATAL errors), by cause. */
    @Override
    public String endedSessionReason(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        return switch (state) {
            case "57P01" -> "terminated by an administrator (pg_terminate_backend) or a server shutdown";
            case "57P05" -> "idle_session_timeout";
            case "25P03" -> "idle_in_transaction_session_timeout";
            case "57P02", "57P03" -> "the server crashed or is restarting";
            default -> super.endedSessionReason(e);
        };
    }

    /** Reads the catalog, one query per kind of object, as text; see {@link PostgresSnapshot}. */
    @Override
    public String snapshotText(Connection c, String schema) throws SQLException {
        return PostgresSnapshot.read(c, schema);
    }

    @Override
    public SchemaModel snapshotOf(String text, String schema, Set<String> excluded) {
        return PostgresSnapshot.build(text, schema, excluded);
    }
}
