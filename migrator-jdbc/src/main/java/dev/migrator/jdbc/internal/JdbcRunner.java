package dev.migrator.jdbc.internal;

import dev.migrator.api.LostLockException;
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
        ExecutionFailure.Stage stage = ExecutionFailure.Stage.PREPARING;
        try {
            if (c.getAutoCommit() == transaction) {
                c.setAutoCommit(!transaction);
            }
            if (started != null) {
                // In IMPLICIT_COMMITS mode this insert joins the open transaction, and the first statement that
                // commits implicitly (DDL on MariaDB, H2, Oracle) commits it before its own work: the STARTED row is
                // durable before anything that cannot be rolled back, at the cost of no commit of its own. If the
                // run dies before any such statement, both roll back together and nothing was applied.
                history.insert(started.withSessionId(session.sessionId()));
            }
            stage = ExecutionFailure.Stage.RUNNING;
            if (e.java() != null) {
                runJava(e.java(), e.undo(), session.context());
            } else {
                List<ScriptStatement> statements = e.statements();
                try (Statement s = c.createStatement()) {
                    for (index = 0; index < statements.size(); index++) {
                        session.beforeStatement();
                        executeFully(s, statements.get(index).text());
                        dialect.checkWarnings(s.getWarnings());
                        logWarnings(s.getWarnings(), e.name());
                        s.clearWarnings();
                    }
                }
                index = -1;
            }
            stage = ExecutionFailure.Stage.RECORDING;
            session.beforeStatement();
            history.insert(success.finished(Duration.ofNanos(System.nanoTime() - start).toMillis()));
            stage = ExecutionFailure.Stage.COMMITTING;
            if (transaction) {
                c.commit();
            }
        } catch (LostLockException lost) {
            rollback(c, transaction, lost);
            throw new LostLockException(lost.getMessage() + "\n  " + e.name() + " was stopped "
                    + (index < 0 ? (stage == ExecutionFailure.Stage.PREPARING ? "before it started" : "after its "
                    + "statements, before its history row") : "before statement " + (index + 1) + " of "
                    + e.statements().size()) + (transaction ? "; its transaction was rolled back" : ""), lost);
        } catch (Exception ex) {
            String ended = session.endedSessionReason(ex);
            if (ended == null) {
                rollback(c, transaction, ex);
            }
            throw failure(e, stage, index, ex, ended);
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

    private ExecutionFailure failure(JdbcExecutable e, ExecutionFailure.Stage stage, int index, Exception ex,
                                     String ended) {
        int count = e.statements().size();
        if (e.java() != null || index < 0) {
            // Java code (or a failing history row or commit) on a database whose DDL commits implicitly may have left
            // anything; a script whose statements all ran left all of them where they could not be rolled back.
            boolean ran = stage != ExecutionFailure.Stage.PREPARING;
            boolean left = ran && e.mode() != JdbcExecutable.Mode.ATOMIC && (e.java() != null || count > 0);
            int committed = !left ? 0 : e.java() != null ? -1 : committedBefore(e, count);
            return new ExecutionFailure(ex, -1, 0, null, left, stage, count, committed, ended);
        }
        ScriptStatement failed = e.statements().get(index);
        boolean left = leftChanges(e, index);
        // A DDL statement commits what came before it, even when it then fails.
        int committed = !left ? 0 : e.mode() == JdbcExecutable.Mode.IMPLICIT_COMMITS
                && dialect.commitsImplicitly(failed.text()) ? index : committedBefore(e, index);
        return new ExecutionFailure(ex, index, failed.line(), failed.text(), left, stage, count, committed, ended);
    }

    /**
     * How many of the first {@code end} statements are committed: outside a transaction, every one that ran; where DDL
     * commits implicitly, everything up to the last statement that commits implicitly.
     */
    private int committedBefore(JdbcExecutable e, int end) {
        if (e.mode() == JdbcExecutable.Mode.NO_TRANSACTION) {
            return end;
        }
        int committed = 0;
        for (int i = 0; i < end; i++) {
            if (dialect.commitsImplicitly(e.statements().get(i).text())) {
                committed = i + 1;
            }
        }
        return committed;
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


    private static void logWarnings(SQLWarning warning, String script) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            LOG.debug("{}: {}", script, w.getMessage());
        }
    }
}
