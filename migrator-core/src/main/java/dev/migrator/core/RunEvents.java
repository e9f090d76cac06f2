package dev.migrator.core;

import dev.migrator.api.LockTimeoutException;
import dev.migrator.api.MigrationEvent;
import dev.migrator.api.MigrationListener;
import dev.migrator.api.MigratorException;
import dev.migrator.api.RunEvent;
import dev.migrator.api.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Around each run of {@code migrate} and {@code rollback}: tells the listener that it starts and how it ended, and
 * logs the run and lock-wait events of {@code dev.migrator.events} (the migration events are logged where each
 * migration runs, by {@link MigrationExecutor}).
 *
 * <p>{@link #wrap} puts an {@link EventingListener} around the user's listener once, in {@code build()}; the
 * builder unwraps it again in {@code toBuilder()}.
 */
final class RunEvents {
    /** The listener of a builder that was given none: runs then skip the work only a listener would read. */
    static final MigrationListener NONE = new MigrationListener() { };
    private static final Logger EVENTS = LoggerFactory.getLogger("dev.migrator.events");

    private RunEvents() {
    }

    static MigrationListener wrap(MigrationListener listener) {
        return listener instanceof EventingListener ? listener : new EventingListener(listener);
    }

    static MigrationListener unwrap(MigrationListener listener) {
        return listener instanceof EventingListener e ? e.delegate : listener;
    }

    static MigrateResult migrate(MigratorConfig config, MigrationEngine engine, Version upTo) {
        return observe(config, engine, "migrate", () -> engine.migrate(upTo),
                r -> new Outcome(r.target(), r.versionBefore(), r.versionAfter(), r.applied().size()), upTo == null);
    }

    static RollbackResult rollback(MigratorConfig config, MigrationEngine engine, int count, Version to) {
        return observe(config, engine, "rollback", () -> engine.rollback(count, to),
                r -> new Outcome(r.target(), r.versionBefore(), r.versionAfter(), r.undone().size()), false);
    }

    private record Outcome(String target, String versionBefore, String versionAfter, int count) {
    }

    private static <R> R observe(MigratorConfig config, MigrationEngine engine, String operation, Supplier<R> body,
                                 java.util.function.Function<R, Outcome> outcome, boolean noneLeft) {
        MigrationListener listener = config.listener();
        String target = config.target().toString();
        long start = System.nanoTime();
        listener.beforeRun(new RunEvent(engine.runId(), operation, target, null, null, 0, -1, Duration.ZERO));
        R result;
        try {
            result = body.get();
        } catch (RuntimeException e) {
            // A listener hears of every failure as a MigratorException; a programming error is wrapped for it only.
            MigratorException reported = e instanceof MigratorException m ? m
                    : new TargetException(operation + " failed: " + e, e);
            RunEvent failed = new RunEvent(engine.runId(), operation, target, null, null, 0, pending(config),
                    Duration.ofNanos(System.nanoTime() - start));
            try {
                listener.afterRun(failed, reported);
            } catch (RuntimeException listenerFailure) {
                e.addSuppressed(listenerFailure);
            }
            throw e;
        }
        Outcome o = outcome.apply(result);
        listener.afterRun(new RunEvent(engine.runId(), operation, o.target(), o.versionBefore(), o.versionAfter(),
                o.count(), noneLeft ? 0 : pending(config), Duration.ofNanos(System.nanoTime() - start)), null);
        return result;
    }

    /**
     * The migrations left pending (or failed) after a run that may have left some: read again with {@code info()},
     * only when a listener is there to use it; -1 when that read fails too.
     */
    private static int pending(MigratorConfig config) {
        if (unwrap(config.listener()) == NONE) {
            return -1;
        }
        try {
            List<MigrationStatus> info = new MigrationEngine(config).info();
            int pending = 0;
            for (MigrationStatus s : info) {
                if (s.state() == MigrationState.PENDING || s.state() == MigrationState.FAILED) {
                    pending++;
                }
            }
            return pending;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The user's listener, plus the run and lock-wait events of {@code dev.migrator.events}. */
    private static final class EventingListener implements MigrationListener {
        final MigrationListener delegate;

        EventingListener(MigrationListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void beforeMigration(MigrationEvent event) {
            delegate.beforeMigration(event);
        }

        @Override
        public void afterMigration(MigrationEvent event) {
            delegate.afterMigration(event);
        }

        @Override
        public void onFailure(MigrationEvent event, MigratorException error) {
            delegate.onFailure(event, error);
        }

        @Override
        public void onLockWait(String target, Duration waited) {
            delegate.onLockWait(target, waited);
        }

        @Override
        public void afterLockWait(String target, Duration waited) {
            if (EVENTS.isInfoEnabled()) {
                EVENTS.info(JsonEvents.lockWait(target, waited, true));
            }
            delegate.afterLockWait(target, waited);
        }

        @Override
        public void beforeRun(RunEvent event) {
            delegate.beforeRun(event);
        }

        @Override
        public void afterRun(RunEvent event, MigratorException error) {
            if (error instanceof LockTimeoutException timeout && EVENTS.isInfoEnabled()) {
                EVENTS.info(JsonEvents.lockWait(event.target(), timeout.waited(), false));
            }
            if (EVENTS.isInfoEnabled()) {
                EVENTS.info(JsonEvents.run(event, error));
            }
            delegate.afterRun(event, error);
        }
    }
}
