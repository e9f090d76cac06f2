package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SessionLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Set;

/**
 * Oracle: DDL commits implicitly, so a failed script holding DDL is FAILED until {@code repair()}; PL/SQL units are
 * ended by a {@code /} line, as in SQL*Plus; a {@code DBMS_LOCK} session lock where the user may execute it, else a
 * lease row; a schema is a user.
 *
 * <p>Names: the history and lock tables are created quoted and lower-case ({@code "migrator_history"}, as Flyway
 * does), so that the name users configure is the name in the dictionary, and every look-up and statement quotes it.
 * Columns are unquoted and so upper-case. The schema is used exactly as given, and Oracle users are upper-case unless
 * created quoted: {@code schema("APP")}, not {@code schema("app")}.
 */
public final class OracleDialect extends JdbcDialect {
    private static final Logger LOG = LoggerFactory.getLogger(OracleDialect.class);
    private static final Set<Integer> DUPLICATE_ERRORS = Set.of(1, 955);
    /**
     * Statements that commit before (and after) they run. ALTER SESSION is the one ALTER that does not, and LOCK TABLE
     * (which MySQL's list has) does not either.
     */
    private static final Set<String> COMMITTING = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE", "GRANT",
            "REVOKE", "COMMENT", "ANALYZE", "AUDIT", "NOAUDIT", "PURGE", "FLASHBACK", "ASSOCIATE", "DISASSOCIATE",
            "COMMIT");
    private static final Set<String> BLOCK_START = Set.of("BEGIN", "DECLARE");
    private static final Set<String> EXECUTE = Set.of("EXECUTE");
    private static final Set<String> IMMEDIATE = Set.of("IMMEDIATE");
    private static final Set<String> BLOCK_COMMITS = Set.of("COMMIT", "DBMS_SQL", "DBMS_UTILITY");

    /** "Execution completed with warning": how ojdbc reports a PL/SQL unit created with compilation errors. */
    private static final int COMPILED_WITH_ERRORS = 17110;

    /**
     * Oracle creates a PL/SQL unit that does not compile (marked INVALID) and says so only in a warning; recorded
     * as a success, the next call of the unit would fail in production instead of here.
     */
    @Override
    public void checkWarnings(java.sql.SQLWarning warnings) throws SQLException {
        for (java.sql.SQLWarning w = warnings; w != null; w = w.getNextWarning()) {
            if (w.getErrorCode() == COMPILED_WITH_ERRORS) {
                throw new SQLException("the PL/SQL unit was created with compilation errors (" + w.getMessage()
                        + "); SELECT * FROM USER_ERRORS shows them", "42000", COMPILED_WITH_ERRORS, w);
            }
        }
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public boolean handles(String productName) {
        return productName.equals("Oracle");
    }

    @Override
    public SqlSyntax syntax() {
        return SqlSyntax.ORACLE;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /**
     * DDL and COMMIT commit; so may an anonymous block that runs dynamic SQL or commits: it is counted as committing,
     * which costs only a STARTED row, where missing one would claim a rollback that did not happen.
     */
    @Override
    public boolean commitsImplicitly(String statement) {
        SqlWords words = SqlWords.of(statement, SqlSyntax.ORACLE);
        String first = words.first();
        if (first.equals("ALTER") && words.second().equals("SESSION")) {
            return false;
        }
        if (BLOCK_START.contains(first)) {
            return words.containsPair(EXECUTE, IMMEDIATE) || words.containsAny(BLOCK_COMMITS);
        }
        return COMMITTING.contains(first);
    }

    /**
     * A schema is a user, and creating one needs CREATE USER, a privilege no migration user should hold: the schema
     * must exist. The message names the upper-case spelling when that is the one that exists.
     */
    @Override
    public void createSchema(Connection c, String schema) throws SQLException {
        String upper = schema.toUpperCase(Locale.ROOT);
        String hint = !upper.equals(schema) && schemaExists(c, upper)
                ? " Oracle user names are upper-case unless created quoted: use schema(\"" + upper + "\")." : "";
        throw new ConfigurationException("Schema " + quote(schema) + " does not exist. On Oracle a schema is a user, "
                + "and migrator does not create users: ask a DBA to create it (CREATE USER, a quota on its tablespace, "
                + "and the grants for the tables your migrations create), or point schema(...) at an existing one."
                + hint);
    }

    @Override
    public Restore useSchema(Connection c, String schema) throws SQLException {
        String before = currentSchema(c);
        execute(c, setCurrentSchema(schema));
        return () -> execute(c, setCurrentSchema(before));
    }

    String setCurrentSchema(String schema) {
        return "ALTER SESSION SET CURRENT_SCHEMA = " + quote(schema);
    }

    /** Oracle's VARCHAR2 counts bytes by default; CHAR makes a history column hold the characters it says. */
    @Override
    public String varchar(int n) {
        return "VARCHAR2(" + n + " CHAR)";
    }

    @Override
    public String integer() {
        return "NUMBER(10)";
    }

    @Override
    public String bigint() {
        return "NUMBER(19)";
    }

    /**
     * DBMS_LOCK where the user may execute it, else (ORA-06550 / PLS-00201 from a probe) the lease row. The answer is
     * the same for every instance that connects as the same user, so instances never mix the two kinds of lock. A
     * database that only speaks Oracle's dialect (H2 in {@code MODE=Oracle}) gets the lease row too.
     */
    @Override
    public SessionLock sessionLock(Connection work, String key) {
        if (!NativeLocks.isNative(this, work, "DBMS_LOCK")) {
            return null;
        }
        try {
            OracleDbmsLock.probe(work, key);
        } catch (SQLException e) {
            if (OracleDbmsLock.isMissingGrant(e)) {
                LOG.info("Migration lock: a lease row, because the user may not execute DBMS_LOCK (a lock that dies "
                        + "with its session needs GRANT EXECUTE ON SYS.DBMS_LOCK)");
                return null;
            }
            throw NativeLocks.error(e);
        }
        LOG.info("Migration lock: DBMS_LOCK, released by the database when the session ends");
        return OracleDbmsLock.create(work, key);
    }

    @Override
    public List<String> lockTimeoutSql(java.time.Duration timeout) {
        return List.of("ALTER SESSION SET DDL_LOCK_TIMEOUT = "
                + (timeout == null ? 0 : Math.max(1, (timeout.toMillis() + 999) / 1000)));
    }

    /** ORA-00054 resource busy (NOWAIT or DDL_LOCK_TIMEOUT expired), ORA-30006 resource busy with WAIT timeout. */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 54 || e.getErrorCode() == 30006;
    }

    @Override
    public String sessionIdQuery() {
        return "SELECT SYS_CONTEXT('USERENV', 'SID') FROM DUAL";
    }

    @Override
    public String liveSessionQuery() {
        return "SELECT TO_CHAR(SQL_EXEC_START, 'YYYY-MM-DD HH24:MI:SS'), STATUS FROM V$SESSION WHERE SID = ?";
    }

    @Override
    public String endSessionCommand(String id) {
        return "ALTER SYSTEM KILL SESSION '" + id + ",<serial#>' (serial# from V$SESSION)";
    }

    /**
     * ORA-00001 (unique constraint) and ORA-00955 (name already used); the SQLStates cover H2 in Oracle mode. Not the
     * generic "42000 and 'exist'" rule: ORA-00942 "table or view does not exist" is 42000 too.
     */
    @Override
    public boolean isDuplicate(SQLException e) {
        String state = e.getSQLState();
        return DUPLICATE_ERRORS.contains(e.getErrorCode())
                || state != null && (state.startsWith("23") || state.equals("42S01"));
    }

    /**
     * Leaves the recycle bin's tables out before the metadata is read, not only after: the driver's index look-up on
     * a {@code BIN$...} table fails.
     */
    @Override
    public SchemaModel snapshot(Connection c, String schema, Set<String> excluded) throws SQLException {
        Set<String> skipped = new HashSet<>(excluded);
        if (handles(c.getMetaData().getDatabaseProductName())) {
            skipped.addAll(OracleSnapshot.recycleBin(c, schema));
        }
        return OracleSnapshot.normalize(super.snapshot(c, schema, skipped));
    }

    /** A {@code /} line runs both SQL and PL/SQL in SQL*Plus and SQLcl, where {@code ;} would end a unit's body. */
    @Override
    public String statementTerminator() {
        return "\n/";
    }
}
