package dev.migrator.jdbc.internal;

import dev.migrator.api.LostLockException;
import dev.migrator.api.Migration;
import dev.migrator.api.spi.ExecutionFailure;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.ScriptStatement;
import dev.migrator.api.spi.TargetSettings;
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
    /** The JSON event log that core writes to; a lock-wait retry is one of its events (docs/json-report.md). */
    private static final Logger EVENTS = LoggerFactory.getLogger("dev.migrator.events");

    private final JdbcSession session;
    private final JdbcDialect dialect;
    private final JdbcHistoryStore history;

    JdbcRunner(JdbcSession session, JdbcDialect dialect, JdbcHistoryStore history) {
        this.session = session;
        this.dialect = dialect;
        this.history = history;
    }

    /**
     * Runs the migration, trying again when a statement's lock wait timed out: after back-off with jitter, in a fresh
     * transaction where the database has one, and from the statement that timed out where the statements before it
     * are committed (never re-running a committed one). Each wait is logged, and reported as a JSON event.
     */
    void run(JdbcExecutable e, HistoryRecord started, HistoryRecord success, TargetSettings.Execution execution)
            throws ExecutionFailure {
        long start = System.nanoTime();
        JdbcExecutable attempt = e;
        HistoryRecord startedRow = started;
        for (int retry = 0; ; retry++) {
            long attemptStart = System.nanoTime();
            try {
                runOnce(attempt, startedRow, success, start);
                return;
            } catch (LockWaitTimedOut timedOut) {
                if (retry >= execution.ddlRetries()) {
                    throw timedOut.failure;
                }
                long wait = backoff(retry);
                LOG.warn("{}: statement {} (line {}) gave up waiting for a lock after {}; trying again in {} ms "
                                + "(retry {} of {}){}", e.name(), timedOut.failure.statementIndex() + 1,
                        timedOut.failure.line(), e.lockTimeout() == null ? "the database's lock timeout"
                                : e.lockTimeout().toMillis() + " ms", wait, retry + 1, execution.ddlRetries(),
                        timedOut.resumeAt > 0 ? ", resuming at statement " + (timedOut.resumeAt + 1) : "");
                if (EVENTS.isInfoEnabled()) {
                    EVENTS.info(LockRetryEvent.json(success.runId(), session.describe(), e.name(),
                            timedOut.failure.statementIndex() + 1, timedOut.failure.line(), retry + 1,
                            execution.ddlRetries(), Duration.ofNanos(System.nanoTime() - attemptStart), wait));
                }
                sleep(wait, timedOut.failure);
                attempt = attempt.from(timedOut.resumeAt);
                if (timedOut.startedDurable) {
                    startedRow = null;
                }
            }
        }
    }

    /** 250 ms doubling to 8 s, plus up to half again of jitter, so retrying instances do not stampede. */
    private static long backoff(int retry) {
        long base = Math.min(8_000, 250L << Math.min(retry, 5));
        return base + java.util.concurrent.ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private static void sleep(long millis, ExecutionFailure failure) throws ExecutionFailure {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /**
     * One attempt. Autocommit is switched only when the mode needs the other setting, and left as it is between
     * migrations: on MariaDB each switch is a round trip of its own.
     */
    private void runOnce(JdbcExecutable e, HistoryRecord started, HistoryRecord success, long start)
            throws ExecutionFailure, LockWaitTimedOut {
        Connection c = session.work();
        boolean transaction = e.mode() != JdbcExecutable.Mode.NO_TRANSACTION;
        int index = -1;
        ExecutionFailure.Stage stage = ExecutionFailure.Stage.PREPARING;
        try {
            if (c.getAutoCommit() == transaction) {
                c.setAutoCommit(!transaction);
            }
            session.useLockTimeout(e.lockTimeout());
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
                    if (e.statementTimeout() != null) {
                        s.setQueryTimeout((int) Math.max(1, (e.statementTimeout().toMillis() + 999) / 1000));
                    }
                    boolean uncommitted = false;
                    for (index = e.from(); index < statements.size(); index++) {
                        session.beforeStatement();
                        String sql = statements.get(index).text();
                        boolean ddlCommits = dialect.commitsImplicitly(sql);
                        boolean commitsImplicitly = e.mode() == JdbcExecutable.Mode.IMPLICIT_COMMITS && ddlCommits;
                        if (commitsImplicitly && uncommitted) {
                            // The DDL would commit the statements before it, but not if it fails before it runs (a
                            // syntax error): committing them here makes "statements 1-k are committed" a fact, so a
                            // failure can say so truthfully and a later run can resume after them.
                            c.commit();
                        }
                        if (ddlCommits) {
                            dialect.changingCatalog(c, () -> executeFully(s, sql));
                        } else {
                            executeFully(s, sql);
                        }
                        uncommitted = e.mode() == JdbcExecutable.Mode.IMPLICIT_COMMITS && !commitsImplicitly;
                        dialect.checkWarnings(s.getWarnings());
                        logWarnings(s.getWarnings(), e.name());
                        s.clearWarnings();
                    }
                }
                index = -1;
            }
            if (success != null) {
                stage = ExecutionFailure.Stage.RECORDING;
                session.beforeStatement();
                history.insert(success.finished(Duration.ofNanos(System.nanoTime() - start).toMillis()));
            }
            stage = ExecutionFailure.Stage.COMMITTING;
            if (transaction) {
                c.commit();
            }
        } catch (LostLockException lost) {
            rollback(c, transaction, lost);
            session.lockTimeoutUnknown();
            throw new LostLockException(lost.getMessage() + "\n  " + e.name() + " was stopped "
                    + (index < 0 ? (stage == ExecutionFailure.Stage.PREPARING ? "before it started" : "after its "
                    + "statements, before its history row") : "before statement " + (index + 1) + " of "
                    + e.statements().size()) + (transaction ? "; its transaction was rolled back" : ""), lost);
        } catch (Exception ex) {
            String ended = session.endedSessionReason(ex);
            if (ended == null) {
                rollback(c, transaction, ex);
            }
            session.lockTimeoutUnknown();
            ExecutionFailure failure = failure(e, stage, index, ex, ended);
            if (ended == null && index >= 0 && ex instanceof SQLException sql && dialect.isLockTimeout(sql)) {
                int resumeAt = e.mode() == JdbcExecutable.Mode.ATOMIC ? 0 : Math.max(failure.committed(), 0);
                // A statement that commits implicitly commits what came before it (the STARTED row too) even when
                // it then times out, so the row is already there for the next attempt.
                boolean startedDurable = started == null || e.mode() == JdbcExecutable.Mode.NO_TRANSACTION
                        || e.mode() == JdbcExecutable.Mode.IMPLICIT_COMMITS && (resumeAt > 0
                        || dialect.commitsImplicitly(e.statements().get(index).text()));
                throw new LockWaitTimedOut(failure, resumeAt, startedDurable);
            }
            throw failure;
        }
    }

    /** A statement gave up waiting for a lock: the attempt may be repeated from {@code resumeAt}. */
    private static final class LockWaitTimedOut extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ExecutionFailure failure;
        private final int resumeAt;
        private final boolean startedDurable;

        LockWaitTimedOut(ExecutionFailure failure, int resumeAt, boolean startedDurable) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
            this.resumeAt = resumeAt;
            this.startedDurable = startedDurable;
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
            int committed = !left ? e.from() : e.java() != null ? -1 : committedBefore(e, count);
            return new ExecutionFailure(ex, -1, 0, null, left, stage, count, committed, ended);
        }
        ScriptStatement failed = e.statements().get(index);
        boolean left = leftChanges(e, index);
        // A DDL statement commits what came before it, even when it then fails.
        int committed = !left ? e.from() : e.mode() == JdbcExecutable.Mode.IMPLICIT_COMMITS
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
        int committed = e.from();
        for (int i = e.from(); i < end; i++) {
            if (dialect.commitsImplicitly(e.statements().get(i).text())) {
                committed = i + 1;
            }
        }
        return committed;
    }

    /** Whether statements before the failing one stayed applied once the transaction (if any) rolled back. */
    private boolean leftChanges(JdbcExecutable e, int failedIndex) {
        List<ScriptStatement> statements = e.statements();
        if (e.mode() != JdbcExecutable.Mode.ATOMIC && e.from() > 0) {
            return true;   // resumed: the statements before it were committed by an earlier attempt
        }
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
