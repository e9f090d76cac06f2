package dev.migrator.core;

import dev.migrator.api.spi.TargetSession;

/**
 * A run under the migration lock, for every command that writes history rows (migrate, rollback, baseline, repair,
 * markApplied, adopt, exec): it takes the lock, creates the history if missing, and gives the run its identity. The
 * history is read again under the lock on first use, since another instance may have written while this one waited,
 * and the ranks of the rows this run writes continue it. Closing releases the lock. Single-threaded, like the run.
 */
final class LockedRun implements AutoCloseable {
    final RunContext run;
    final MigrationLock lock;
    private final TargetSession session;
    private HistoryState history;

    private LockedRun(RunContext run, MigrationLock lock, TargetSession session) {
        this.run = run;
        this.lock = lock;
        this.session = session;
    }

    /** Takes the lock on {@code session} (waiting up to the lock timeout) and creates the history if missing. */
    static LockedRun take(MigratorConfig config, TargetSession session, String target, String runId) {
        RunContext run = new RunContext(runId, session, target, config.installedBy(), config.clock(),
                config.listener());
        MigrationLock lock = MigrationLock.acquire(session.lock(), runId, config.lease(), config.lockTimeout(),
                target, config.listener(), config.clock());
        session.guard(lock::checkHeld);
        try {
            session.history().create();
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return new LockedRun(run, lock, session);
    }

    /**
     * The history as read under the lock, read on the first call (one query per run); the ranks of the rows written
     * from then on follow its highest.
     */
    HistoryState history() {
        if (history == null) {
            history = HistoryState.of(session.history().read());
            run.startRanksAfter(history.maxRank());
        }
        return history;
    }

    @Override
    public void close() {
        lock.close();
    }
}
