package dev.migrator.micrometer;

import dev.migrator.api.MigrationEvent;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.MigrationListener;
import dev.migrator.api.MigratorException;
import dev.migrator.api.RunEvent;
import dev.migrator.api.internal.EcsEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reports migrations, runs and lock waits as Micrometer observations, so that one instrumentation gives timers (with
 * a {@code DefaultMeterObservationHandler}) and spans (with a tracing handler, such as Micrometer Tracing's bridge to
 * OpenTelemetry). Pass it to {@code Migrator.builder().listener(...)}; the Spring Boot starter registers it by itself.
 *
 * <pre>{@code
 * Migrator.builder().target(JdbcTarget.of(dataSource))
 *         .listener(MigratorObservations.of(observationRegistry, meterRegistry))
 *         .build().migrate();
 * }</pre>
 *
 * <p>Observations (names fixed: dashboards and alert rules read them):
 * <ul>
 * <li>{@code migrator.migration}, tags {@code target}, {@code version}, {@code type} ({@code SQL}, {@code JSON},
 * {@code JAVA}), {@code action} ({@code APPLY}, {@code UNDO}), {@code outcome} ({@code SUCCESS}, {@code REVERTED},
 * {@code FAILED}). In Prometheus {@code migrator_migration_seconds_count}: the counts of applied, failed and undone
 * migrations are this timer's counts by action and outcome.</li>
 * <li>{@code migrator.run}, tags {@code target}, {@code outcome} ({@code SUCCESS}, {@code FAILED}).</li>
 * <li>{@code migrator.lock.wait}, tag {@code target}: only when another instance held the lock; while it lasts,
 * {@code migrator_lock_wait_active_seconds_max} grows.</li>
 * </ul>
 * Gauges, updated after each run (when a {@link MeterRegistry} is given): {@code migrator.pending} (tag
 * {@code target}) and {@code migrator.version} (value 1, tags {@code target}, {@code version}).
 *
 * <p>Thread-safe: each run's observations are kept by the thread that runs it, as the migrator calls its listener
 * on that thread.
 */
public final class MigratorObservations implements MigrationListener {
    /** The name of the per-migration observation (and timer). */
    public static final String MIGRATION = "migrator.migration";
    /** The name of the per-run observation (and timer). */
    public static final String RUN = "migrator.run";
    /** The name of the lock-wait observation (and timer). */
    public static final String LOCK_WAIT = "migrator.lock.wait";
    /** The gauge of pending migrations. */
    public static final String PENDING = "migrator.pending";
    /** The gauge of the current version: value 1, the version in a tag. */
    public static final String VERSION = "migrator.version";

    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final ThreadLocal<RunState> current = new ThreadLocal<>();
    private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();
    private final Map<String, String> versions = new ConcurrentHashMap<>();
    private final MultiGauge versionGauge;

    private MigratorObservations(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = observations;
        this.meters = meters;
        this.versionGauge = meters == null ? null : MultiGauge.builder(VERSION)
                .description("The highest applied version of each target (value 1, version in a tag)")
                .register(meters);
    }

    /**
     * Observations in {@code observations} (timers and spans, as its handlers make them), and the gauges in
     * {@code meters}.
     */
    public static MigratorObservations of(ObservationRegistry observations, MeterRegistry meters) {
        return new MigratorObservations(Objects.requireNonNull(observations, "observations"),
                Objects.requireNonNull(meters, "meters"));
    }

    /** Observations in {@code observations} only: no gauges. */
    public static MigratorObservations of(ObservationRegistry observations) {
        return new MigratorObservations(Objects.requireNonNull(observations, "observations"), null);
    }

    /** Timers and gauges in {@code meters}, for an application without an {@link ObservationRegistry}: no spans. */
    public static MigratorObservations of(MeterRegistry meters) {
        Objects.requireNonNull(meters, "meters");
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return new MigratorObservations(registry, meters);
    }

    @Override
    public void beforeRun(RunEvent event) {
        RunState abandoned = current.get();
        if (abandoned != null) {
            // A run on this thread ended without afterRun (an error outside migrator): close it, do not leak it.
            afterRun(new RunEvent(null, "migrate", abandoned.target, null, null, 0, -1, Duration.ZERO),
                    new AbandonedRun());
        }
        RunState state = new RunState();
        state.target = event.target();
        state.run = Observation.createNotStarted(RUN, observations)
                .contextualName("migrator " + event.operation())
                .highCardinalityKeyValue("db.operation.name", event.operation())
                .highCardinalityKeyValue("db.system", EcsEvent.dbSystem(event.target()))
                .start();
        state.scope = state.run.openScope();
        current.set(state);
    }

    @Override
    public void beforeMigration(MigrationEvent event) {
        RunState state = state(event.target());
        state.target = event.target();
        state.migration = Observation.createNotStarted(MIGRATION, observations)
                .parentObservation(state.run)
                .contextualName(event.action() + " " + event.script())
                .highCardinalityKeyValue("db.operation.name", event.action())
                .highCardinalityKeyValue("db.system", EcsEvent.dbSystem(event.target()))
                .highCardinalityKeyValue("migrator.script", event.script())
                .highCardinalityKeyValue("migrator.description", event.description())
                .highCardinalityKeyValue("migrator.run_id", String.valueOf(event.runId()))
                .start();
    }

    @Override
    public void afterMigration(MigrationEvent event) {
        stopMigration(event, "SUCCESS", null);
    }

    @Override
    public void onFailure(MigrationEvent event, MigratorException error) {
        boolean leftChanges = error instanceof MigrationFailedException f && f.leftChanges();
        stopMigration(event, leftChanges ? "FAILED" : "REVERTED", error);
    }

    private void stopMigration(MigrationEvent event, String outcome, MigratorException error) {
        RunState state = current.get();
        Observation migration = state == null ? null : state.migration;
        if (migration == null) {
            return;
        }
        state.migration = null;
        migration.lowCardinalityKeyValue("target", event.target())
                .lowCardinalityKeyValue("version", event.version() == null ? "repeatable" : event.version())
                .lowCardinalityKeyValue("type", type(event.script()))
                .lowCardinalityKeyValue("action", event.action())
                .lowCardinalityKeyValue("outcome", outcome);
        if (error != null) {
            migration.error(error);
        }
        migration.stop();
    }

    @Override
    public void onLockWait(String target, Duration waited) {
        RunState state = state(target);
        state.target = target;
        if (state.lockWait == null) {
            state.lockWait = Observation.createNotStarted(LOCK_WAIT, observations)
                    .parentObservation(state.run)
                    .contextualName("migrator lock wait")
                    .lowCardinalityKeyValue("target", target)
                    .start();
        }
    }

    @Override
    public void afterLockWait(String target, Duration waited) {
        RunState state = current.get();
        if (state != null && state.lockWait != null) {
            state.lockWait.stop();
            state.lockWait = null;
        }
    }

    @Override
    public void afterRun(RunEvent event, MigratorException error) {
        RunState state = current.get();
        current.remove();
        if (state == null) {
            return;
        }
        // The migrations' events name the target as the open session describes it; keep the run's tag the same.
        String target = state.target != null ? state.target : event.target();
        if (state.migration != null) {
            state.migration.error(error == null ? new IllegalStateException("unfinished") : error).stop();
        }
        if (state.lockWait != null) {
            if (error != null) {
                state.lockWait.error(error);
            }
            state.lockWait.stop();
        }
        state.run.lowCardinalityKeyValue("target", target)
                .lowCardinalityKeyValue("outcome", error == null ? "SUCCESS" : "FAILED");
        if (error != null) {
            state.run.error(error);
        }
        state.scope.close();
        state.run.stop();
        if (meters != null) {
            if (event.pending() >= 0) {
                pending.computeIfAbsent(target, t -> {
                    AtomicInteger value = new AtomicInteger();
                    Gauge.builder(PENDING, value, AtomicInteger::get).tag("target", t)
                            .description("Migrations pending or failed after the last run").register(meters);
                    return value;
                }).set(event.pending());
            }
            if (error == null) {
                versions.put(target, event.versionAfter() == null ? "none" : event.versionAfter());
                publishVersions();
            }
        }
    }

    private synchronized void publishVersions() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        versions.forEach((target, version) -> rows.add(MultiGauge.Row.of(Tags.of("target", target, "version",
                version), 1)));
        versionGauge.register(rows, true);
    }

    /** This thread's run; one is started for a listener called outside a run (by a caller of its own). */
    private RunState state(String target) {
        RunState state = current.get();
        if (state == null) {
            beforeRun(new RunEvent(null, "migrate", target, null, null, 0, -1, Duration.ZERO));
            state = current.get();
        }
        return state;
    }

    private static String type(String script) {
        String s = script == null ? "" : script.toLowerCase(Locale.ROOT);
        return s.endsWith(".sql") ? "SQL" : s.endsWith(".json") ? "JSON" : "JAVA";
    }

    /** The error an abandoned run is closed with. */
    private static final class AbandonedRun extends MigratorException {
        private static final long serialVersionUID = 1L;

        AbandonedRun() {
            super("the run ended without telling its listener");
        }
    }

    /** What one thread's run has open. */
    private static final class RunState {
        Observation run;
        Observation.Scope scope;
        Observation migration;
        Observation lockWait;
        String target;
    }
}
