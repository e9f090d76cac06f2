package dev.migrator.jdbc.internal;

import dev.migrator.api.Migration;
import dev.migrator.api.spi.ExecutionFailure;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.ScriptStatement;
import dev.migrator.jdbc.JdbcContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Runs one migration on the work connection as its {@link JdbcExecutable.Mode} says, and stores the success row:
 * in the same transaction when atomic, after the migration otherwise.
 */
final class JdbcRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcRunner.class);

    private final JdbcSession session;
    private final JdbcDialect dialect;
    private final JdbcHistoryStore history;

    JdbcRunner(JdbcSession session, JdbcDialect dialect, JdbcHistoryStore history) {
        this.session = session;
        this.dialect = dialect;
        this.history = history;
    }

    /**
     * Runs the migration. Autocommit is switched only when the mode needs the other setting, and left as it is
     * between migrations: on MariaDB each switch is a round trip of its own.
     */
    void run(JdbcExecutable e, HistoryRecord started, HistoryRecord success) throws ExecutionFailure {
        Connection c = session.work();
        long start = System.nanoTime();
        boolean transaction = e.mode() != JdbcExecutable.Mode.NO_TRANSACTION;
        int index = -1;
        try {
            if (c.getAutoCommit() == transaction) {
                c.setAutoCommit(!transaction);
            }
            if (started != null) {
                // In IMPLICIT_COMMITS mode this insert joins the open transaction, and the first statement that
                // commits implicitly (DDL on MariaDB, H2, Oracle) commits it before its own work: the STARTED row is
                // durable before anything that cannot be rolled back, at the cost of no commit of its own. If the
                // run dies before any such statement, both roll back together and nothing was applied.
                history.insert(started);
            }
            if (e.java() != null) {
                runJava(e.java(), e.undo(), session.context());
            } else {
                List<ScriptStatement> statements = e.statements();
                try (Statement s = c.createStatement()) {
                    for (index = 0; index < statements.size(); index++) {
                        executeFully(s, statements.get(index).text());
                        dialect.checkWarnings(s.getWarnings());
                        logWarnings(s.getWarnings(), e.name());
                        s.clearWarnings();
                    }
                }
                index = -1;
            }
            history.insert(stamp(success, start));
            if (transaction) {
                c.commit();
            }
        } catch (Exception ex) {
            rollback(c, transaction, ex);
            throw failure(e, index, ex);
        }
    }

    /**
     * Executes a statement and reads every result it produces. A T-SQL batch reports an error in a later statement
     * only when its results are read (mssql-jdbc#399); left unread, a failed batch would be recorded as a success.
     */
    private static void executeFully(Statement s, String sql) throws SQLException {
        boolean isResultSet = s.execute(sql);
        while (true) {
            if (isResultSet) {
                s.getResultSet().close();
            } else if (s.getUpdateCount() == -1) {
                return;
            }
            isResultSet = s.getMoreResults();
        }
    }

    @SuppressWarnings("unchecked")
    private static void runJava(Migration<?> migration, boolean undo, JdbcContext context) throws Exception {
        Migration<JdbcContext> m = (Migration<JdbcContext>) migration;
        if (undo) {
            m.down(context);
        } else {
            m.up(context);
        }
    }

    private ExecutionFailure failure(JdbcExecutable e, int index, Exception ex) {
        if (e.java() != null || index < 0) {
            // Java code (or a failing commit) on a database whose DDL commits implicitly may have left anything.
            boolean left = e.mode() != JdbcExecutable.Mode.ATOMIC && (e.java() != null || !e.statements().isEmpty());
            return new ExecutionFailure(ex, -1, 0, null, left);
        }
        ScriptStatement failed = e.statements().get(index);
        return new ExecutionFailure(ex, index, failed.line(), failed.text(), leftChanges(e, index));
    }

    /** Whether statements before the failing one stayed applied once the transaction (if any) rolled back. */
    private boolean leftChanges(JdbcExecutable e, int failedIndex) {
        List<ScriptStatement> statements = e.statements();
        switch (e.mode()) {
            case ATOMIC:
                return false;
            case NO_TRANSACTION:
                // Each earlier statement committed; a failed CREATE INDEX CONCURRENTLY leaves an invalid index.
                return failedIndex > 0 || dialect.cannotRunInTransaction(statements.get(failedIndex).text());
            default:
                for (int i = 0; i < failedIndex; i++) {
                    if (dialect.commitsImplicitly(statements.get(i).text())) {
                        return true;
                    }
                }
                // A DDL statement commits what came before it, even when it then fails.
                return failedIndex > 0 && dialect.commitsImplicitly(statements.get(failedIndex).text());
        }
    }

    private static void rollback(Connection c, boolean transaction, Exception cause) {
        if (!transaction) {
            return;
        }
        try {
            c.rollback();
        } catch (SQLException ex) {
            cause.addSuppressed(ex);
        }
    }

    private static HistoryRecord stamp(HistoryRecord r, long startNanos) {
        long millis = Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
        return new HistoryRecord(r.rank(), r.version(), r.description(), r.type(), r.script(), r.checksum(),
                r.action(), r.outcome(), r.installedBy(), r.databaseUser(), r.host(), r.toolVersion(), r.runId(),
                r.installedOn().plusMillis(millis), millis, r.error());
    }

    private static void logWarnings(SQLWarning warning, String script) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            LOG.debug("{}: {}", script, w.getMessage());
        }
    }
}
