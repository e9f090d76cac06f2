package dev.migrator.core;

import dev.migrator.api.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One run of a {@link Fleet}: the stages (canaries, then each group), a pool of {@code parallelism} threads, and the
 * stop rule. The one mutable thing here is the table of results, written once per target by the thread that ran it
 * and read after every stage has been waited for.
 */
final class FleetRun {
    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);
    /** Put in the MDC while a target runs, so that log lines say which target they are about. */
    static final String MDC_TARGET = "migrator.fleetTarget";

    private final String operation;
    private final List<FleetTarget> targets;
    private final List<Migrator> migrators;
    private final Set<String> canary;
    private final int parallelism;
    private final FleetErrorPolicy onError;
    private final Duration timeout;
    private final Consumer<FleetTargetResult> onResult;
    private final Function<Migrator, ?> function;
    private final FleetTargetResult[] results;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean stopped;

    FleetRun(String operation, List<FleetTarget> targets, List<Migrator> migrators, Set<String> canary,
             int parallelism, FleetErrorPolicy onError, Duration timeout, Consumer<FleetTargetResult> onResult,
             Function<Migrator, ?> function) {
        this.operation = operation;
        this.targets = targets;
        this.migrators = migrators;
        this.canary = canary;
        this.parallelism = parallelism;
        this.onError = onError;
        this.timeout = timeout;
        this.onResult = onResult;
        this.function = function;
        this.results = new FleetTargetResult[targets.size()];
    }

    FleetResult run() {
        long start = System.nanoTime();
        LOG.info("Fleet {}: {} targets, parallelism {}, canary {}, on error {}", operation, targets.size(),
                parallelism, canary.isEmpty() ? "none" : canary, onError);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, targets.size())),
                threads());
        try {
            List<List<Integer>> stages = stages();
            for (int s = 0; s < stages.size(); s++) {
                boolean canaryStage = s == 0 && !canary.isEmpty();
                List<Future<?>> running = new ArrayList<>();
                for (int i : stages.get(s)) {
                    running.add(pool.submit(() -> runOne(i, canaryStage)));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            }
        } catch (InterruptedException e) {
            // Whoever interrupts the caller wants it back: start nothing more, report what ended.
            stopped = true;
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a fleet worker failed outside its target", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<FleetTargetResult> list = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            list.add(results[i] != null ? results[i] : skipped(targets.get(i)));
        }
        FleetResult result = new FleetResult(operation, list, Duration.ofNanos(System.nanoTime() - start));
        LOG.info("Fleet {}", result.summary());
        return result;
    }

    /** The canaries in the order given, then each group in the order it first appears (ungrouped targets as one). */
    private List<List<Integer>> stages() {
        List<Integer> first = new ArrayList<>();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            FleetTarget t = targets.get(i);
            if (canary.contains(t.name())) {
                first.add(i);
            } else {
                groups.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(i);
            }
        }
        List<List<Integer>> stages = new ArrayList<>();
        if (!first.isEmpty()) {
            stages.add(first);
        }
        stages.addAll(groups.values());
        return stages;
    }

    private void runOne(int index, boolean canaryStage) {
        FleetTarget target = targets.get(index);
        if (stopped) {
            finish(index, skipped(target));
            return;
        }
        Thread thread = Thread.currentThread();
        String threadName = thread.getName();
        thread.setName("fleet " + target.name());
        MDC.put(MDC_TARGET, target.name());
        long start = System.nanoTime();
        FleetTargetResult result;
        try {
            Object report = timeout == null ? function.apply(migrators.get(index)) : withTimeout(target, index);
            result = succeeded(target, report, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            result = new FleetTargetResult(target.name(), target.group(), FleetOutcome.FAILED, null, null, List.of(),
                    Duration.ofNanos(System.nanoTime() - start), e, null);
            int failed = failures.incrementAndGet();
            if (canaryStage || failed >= onError.failuresThatStop()) {
                stopped = true;
            }
            LOG.warn("Fleet {}: target {} failed{}: {}", operation, target.name(),
                    stopped ? " (no more targets start)" : "", e.getMessage());
        } finally {
            MDC.remove(MDC_TARGET);
            thread.setName(threadName);
        }
        finish(index, result);
    }

    private void finish(int index, FleetTargetResult result) {
        results[index] = result;
        try {
            onResult.accept(result);
        } catch (RuntimeException e) {
            // Progress display is not worth a target: the result stands.
            LOG.warn("Fleet {}: the result listener failed on {}: {}", operation, result.name(), e.toString());
        }
    }

    /** Runs the target on a thread of its own, so that the worker can give up on it after the timeout. */
    private Object withTimeout(FleetTarget target, int index) {
        FutureTask<Object> task = new FutureTask<>(() -> {
            MDC.put(MDC_TARGET, target.name());
            return function.apply(migrators.get(index));
        });
        Thread thread = new Thread(task, "fleet " + target.name() + " (timed)");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new TargetException("Target " + target.name() + " did not finish within " + timeout + " and was "
                    + "interrupted. A statement may still run on the server until it ends; the lock is released with "
                    + "the session. Check the target, then run the fleet again: it resumes from each history");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new TargetException("Target " + target.name() + " was interrupted while it ran");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private FleetTargetResult succeeded(FleetTarget target, Object report, Duration duration) {
        String before = null;
        String after = null;
        List<AppliedMigration> applied = List.of();
        if (report instanceof MigrateResult m) {
            before = m.versionBefore();
            after = m.versionAfter();
            applied = m.applied();
        } else if (report instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof MigrationStatus) {
            before = currentVersion(list);
            after = before;
        }
        return new FleetTargetResult(target.name(), target.group(), FleetOutcome.SUCCEEDED, before, after, applied,
                duration, null, report);
    }

    /** The highest applied version of an {@code info()} list. */
    private static String currentVersion(List<?> statuses) {
        Version best = null;
        String text = null;
        for (Object o : statuses) {
            MigrationStatus s = (MigrationStatus) o;
            boolean applied = s.state() == MigrationState.APPLIED || s.state() == MigrationState.BASELINE
                    || s.state() == MigrationState.OUT_OF_ORDER;
            if (applied && s.version() != null) {
                Version v = Version.parse(s.version());
                if (best == null || v.compareTo(best) > 0) {
                    best = v;
                    text = s.version();
                }
            }
        }
        return text;
    }

    private static FleetTargetResult skipped(FleetTarget target) {
        return new FleetTargetResult(target.name(), target.group(), FleetOutcome.SKIPPED, null, null, List.of(),
                Duration.ZERO, null, null);
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "migrator-fleet-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
