package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.internal.Secrets;
import dev.migrator.api.spi.HistoryRecord.Action;
import dev.migrator.api.spi.HistoryRecord.Outcome;
import dev.migrator.api.spi.ScriptStatement;
import dev.migrator.api.spi.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine: one instance per call of a {@link Migrator} operation.
 *
 * <h2>Design note</h2>
 * A run goes <b>discover → read history → plan → lock → read history again → execute → record → unlock</b>:
 * <ol>
 * <li><b>Discover</b> ({@link MigrationDiscovery}) reads every script and class and refuses bad input (malformed
 * names, duplicate versions, unknown placeholders) before anything touches the database. Meanwhile another thread
 * connects, which creates nothing; a boot pays the longer of the two, not their sum.</li>
 * <li><b>Read history once, without the lock</b>, and plan ({@link MigrationPlanner}). If nothing is pending and
 * nothing is wrong, the run ends here: the no-op boot that every instance pays costs one query and no lock. Problems
 * that another instance cannot be fixing (an edited script) fail right away. Pending scripts are parsed now, so a
 * script that cannot be parsed is refused before the history table exists.</li>
 * <li><b>Lock</b> ({@link MigrationLock}), then create the history if missing and <b>read it again</b>: an instance
 * that waited finds what the holder applied and has nothing left to do. A STARTED row is judged only here, under
 * the lock, where it can no longer belong to a live run.</li>
 * <li><b>Execute and record</b> ({@link MigrationExecutor}) each migration. Ranks come from the count read under the
 * lock, so the history is never re-read per migration (flyway#1415).</li>
 * </ol>
 * <b>Crash safety.</b> The history is append-only; state is derived from it ({@link HistoryState}). An atomic
 * migration commits with its history row, so a crash leaves it either applied and recorded, or neither. A
 * non-atomic migration writes STARTED first, so a crash leaves a row that blocks a blind re-run until a human
 * checks the database and calls {@code repair()} (undone by hand) or {@code markApplied()} (finished by hand); the row
 * names the server session that ran it, so both refuse while that session still runs.
 * <b>One fate for the lock and the work.</b> A session lock is taken on the session that runs the migrations and
 * writes the history: whatever ends it (a crash, an administrator, an idle timeout, a dropped connection) ends the
 * work with it, and the run reports {@code LostLockException} saying what stayed applied. A lease is checked before
 * every statement and history row, and each row is fenced by the lease's owner.
 */
final class MigrationEngine {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationEngine.class);

    private final MigratorConfig config;
    private final Placeholders placeholders;
    /** Flyway's built-in placeholder values of the current session, asked for when a script first uses one. */
    private FlywayPlaceholders builtIns;
    /** Identifies this call in logs (MDC {@code migrator.run}), history rows and listener events. */
    private final String runId = RunIds.next();

    String runId() {
        return runId;
    }

    MigrationEngine(MigratorConfig config) {
        this.config = config;
        this.placeholders = new Placeholders(config.placeholders(), config.replacePlaceholders());
    }

    MigrateResult migrate(Version upTo) {
        long start = System.nanoTime();
        // Only filesystem locations holding a migrator.sum are read again: a boot without one pays one stat per location.
        IntegrityFile.verifyBeforeRun(config.locations());
        try (LogContext mdc = new LogContext(runId); Start started = start()) {
            List<ResolvedMigration> resolved = started.resolved();
            TargetSession session = started.session();
            if (upTo != null && resolved.stream().noneMatch(m -> upTo.equals(m.version()))) {
                throw new ConfigurationException("migrateTo(" + upTo + "): no migration has version " + upTo
                        + "; pick one that info() lists");
            }
            String target = session.describe();
            mdc.target(target);
            HistoryState state = read(session);
            if (config.adoptOnMigrate() != null && !state.anyApplied()
                    && adopt(ForeignTools.get(config.adoptOnMigrate()), null, resolved, session, true) != null) {
                state = read(session);
            }
            // By identity: the plan hands back discovery's own instances, and a record's hashCode over its components
            // cost a cold apply of 1,000 migrations some 7% of its main thread's CPU samples.
            Map<ResolvedMigration, Executable> prepared = new IdentityHashMap<>();
            Resumption resume = Resumption.of(resolved, state, m -> prepared.computeIfAbsent(m, k -> prepare(session, k, false)));
            MigrationPlanner.Plan plan = MigrationPlanner.plan(resolved, state, upTo, config.outOfOrder(),
                    resume.from().keySet());
            plan.future().forEach(f -> LOG.warn("{}; it is left as it is", f));
            List<String> problems = resume.with(plan.problems());
            Callbacks.Run callbacks = callbacks(started);
            // Flyway runs beforeMigrate and afterMigrate on every migrate (grants, housekeeping): with such callbacks
            // a boot with nothing pending takes the lock too, to run them.
            boolean everyRun = callbacks.has(Callbacks.BEFORE_MIGRATE) || callbacks.has(Callbacks.AFTER_MIGRATE);
            if (plan.pending().isEmpty() && problems.isEmpty() && !everyRun) {
                String current = text(state.currentVersion());
                LOG.info("{} is up to date at version {} ({} migration{} checked in {} ms)", target, shown(current),
                        resolved.size(), resolved.size() == 1 ? "" : "s", millisSince(start));
                return new MigrateResult(List.of(), current, current, target);
            }
            if (!problems.isEmpty() && !hasFailures(state)) {
                throw validationFailed(problems);
            }
            // Refuses a run with unacknowledged findings at LintMode.FAIL; the acknowledged ones go on the history rows.
            // Before preparing, as plan() does: the target keeps the statements the linter split for the script it
            // then prepares, so each pending script is split once.
            MigrationLinter.Result notes = MigrationLinter.beforeRun(config, session, plan.pending(), placeholders);
            for (ResolvedMigration m : plan.pending()) {
                prepared.computeIfAbsent(m, k -> prepare(session, k, false));
            }
            try (LockedRun locked = lock(session, target)) {
                return migrateLocked(locked, started, upTo, prepared, callbacks, notes, start);
            }
        }
    }

    /**
     * Steps 3 and 4 of the design note: under the lock, the history read again and the plan made again (an instance
     * that waited finds the holder's work done), then every pending migration applied and recorded.
     */
    private MigrateResult migrateLocked(LockedRun locked, Start started, Version upTo,
                                        Map<ResolvedMigration, Executable> prepared, Callbacks.Run callbacks,
                                        MigrationLinter.Result notes, long start) {
        List<ResolvedMigration> resolved = started.resolved();
        TargetSession session = started.session();
        String target = locked.run.target;
        HistoryState state = locked.history();
        Resumption resume = Resumption.of(resolved, state,
                m -> prepared.computeIfAbsent(m, k -> prepare(session, k, false)));
        MigrationPlanner.Plan plan = MigrationPlanner.plan(resolved, state, upTo, config.outOfOrder(),
                resume.from().keySet());
        List<String> problems = resume.with(plan.problems());
        if (!problems.isEmpty()) {
            throw validationFailed(UnfinishedMigrations.withLiveSessions(problems, state, session));
        }
        String before = text(state.currentVersion());
        if (!plan.pending().isEmpty()) {
            LOG.info("Migrating {} from version {}: {} pending", target, shown(before), plan.pending().size());
        }
        MigrationExecutor executor = new MigrationExecutor(locked.run, placeholders.secretValues());
        java.util.function.Function<ResolvedMigration, Executable> prepareOne = m -> resumed(session, m,
                prepared.computeIfAbsent(m, k -> prepare(session, k, false)), resume);
        java.util.function.BiFunction<ResolvedMigration, Executable, AppliedMigration> applyOne =
                (m, e) -> executor.execute(m, e, Action.APPLY, notes.note(m));
        List<ResolvedMigration> pending = plan.pending();
        int repeatables = firstRepeatable(pending);
        List<AppliedMigration> applied;
        try {
            callbacks.run(Callbacks.BEFORE_MIGRATE);
            applied = new ArrayList<>(runSteps(locked, pending.subList(0, repeatables), callbacks,
                    Callbacks.BEFORE_EACH_MIGRATE, Callbacks.AFTER_EACH_MIGRATE,
                    Callbacks.AFTER_EACH_MIGRATE_ERROR, prepareOne, applyOne));
            if (repeatables < pending.size()) {
                locked.lock.checkHeld(); // before the callbacks between the two groups, as before each step
            }
            callbacks.run(Callbacks.AFTER_VERSIONED);
            if (repeatables < pending.size()) {
                callbacks.run(Callbacks.BEFORE_REPEATABLES);
                applied.addAll(runSteps(locked, pending.subList(repeatables, pending.size()), callbacks,
                        Callbacks.BEFORE_EACH_MIGRATE, Callbacks.AFTER_EACH_MIGRATE,
                        Callbacks.AFTER_EACH_MIGRATE_ERROR, prepareOne, applyOne));
            }
            callbacks.run(Callbacks.AFTER_MIGRATE);
            if (!applied.isEmpty()) {
                callbacks.run(Callbacks.AFTER_MIGRATE_APPLIED);
            }
        } catch (RuntimeException failure) {
            callbacks.runAfterError(Callbacks.AFTER_MIGRATE_ERROR, failure);
            throw failure;
        }
        Version after = state.currentVersion();
        for (ResolvedMigration m : pending.subList(0, applied.size())) {
            if (m.version() != null && (after == null || m.version().compareTo(after) > 0)) {
                after = m.version();
            }
        }
        if (!applied.isEmpty()) {
            SchemaDrift.record(session, runId, text(after), config.clock());
        }
        LOG.info("Applied {} migration{} to {} in {} ms; now at version {}", applied.size(),
                applied.size() == 1 ? "" : "s", target, millisSince(start), shown(text(after)));
        return new MigrateResult(applied, before, text(after), target);
    }

    RollbackResult rollback(int count, Version to) {
        long start = System.nanoTime();
        try (LogContext mdc = new LogContext(runId); Start started = start()) {
            List<ResolvedMigration> resolved = started.resolved();
            TargetSession session = started.session();
            String target = session.describe();
            mdc.target(target);
            // Checked once before locking, so a refused rollback touches nothing at all, and again under the lock.
            List<ResolvedMigration> steps = RollbackPlanner.plan(resolved, read(session), count, to).steps();
            Map<ResolvedMigration, Executable> prepared = new IdentityHashMap<>();
            for (ResolvedMigration m : steps) {
                prepared.put(m, prepare(session, m, true));
            }
            try (LockedRun locked = lock(session, target)) {
                HistoryState state = locked.history();
                RollbackPlanner.Path path = RollbackPlanner.plan(resolved, state, count, to);
                steps = path.steps();
                String before = text(state.currentVersion());
                LOG.info("Rolling back {} from version {}: {} to undo", target, shown(before), steps.size());
                MigrationExecutor executor = new MigrationExecutor(locked.run, placeholders.secretValues());
                List<AppliedMigration> undone = new ArrayList<>();
                Callbacks.Run callbacks = callbacks(started);
                try {
                    callbacks.run(Callbacks.BEFORE_UNDO);
                    undone.addAll(runSteps(locked, steps, callbacks, Callbacks.BEFORE_EACH_UNDO,
                            Callbacks.AFTER_EACH_UNDO, Callbacks.AFTER_EACH_UNDO_ERROR,
                            m -> prepared.computeIfAbsent(m, k -> prepare(session, k, true)),
                            (m, e) -> executor.execute(m, e, Action.UNDO)));
                    callbacks.run(Callbacks.AFTER_UNDO);
                } catch (RuntimeException failure) {
                    callbacks.runAfterError(Callbacks.AFTER_UNDO_ERROR, failure);
                    throw failure;
                }
                undone.addAll(Adoption.undo(locked.run, session, path.unadopt(), config.clock()));
                java.util.Set<Version> gone = new java.util.HashSet<>();
                steps.forEach(m -> gone.add(m.version()));
                path.unadopt().forEach(u -> gone.add(u.version()));
                String after = text(state.currentVersionWithout(gone));
                if (!undone.isEmpty()) {
                    SchemaDrift.record(session, runId, after, config.clock());
                }
                LOG.info("Rolled back {} migration{} on {} in {} ms; now at version {}", undone.size(),
                        undone.size() == 1 ? "" : "s", target, millisSince(start), shown(after));
                return new RollbackResult(undone, before, after, target);
            }
        }
    }

    /**
     * The loop migrate() and rollback() share, under the lock: before each step the lock is checked (a lost lease
     * stops the run before anything more runs), then the step is prepared and run between its Flyway callbacks.
     * Returns what ran, in order; a failing step's error propagates after its {@code afterEachError} callback.
     */
    private static List<AppliedMigration> runSteps(LockedRun locked, List<ResolvedMigration> steps,
                                                   Callbacks.Run callbacks, String beforeEach, String afterEach,
                                                   String afterEachError,
                                                   java.util.function.Function<ResolvedMigration, Executable> prepare,
                                                   java.util.function.BiFunction<ResolvedMigration, Executable,
                                                           AppliedMigration> run) {
        List<AppliedMigration> done = new ArrayList<>();
        for (ResolvedMigration m : steps) {
            locked.lock.checkHeld();
            Executable e = prepare.apply(m);
            callbacks.run(beforeEach);
            try {
                done.add(run.apply(m, e));
            } catch (RuntimeException failure) {
                callbacks.runAfterError(afterEachError, failure);
                throw failure;
            }
            callbacks.run(afterEach);
        }
        return done;
    }

    /** Where the repeatables start in a plan's pending list (they come after every versioned migration). */
    private static int firstRepeatable(List<ResolvedMigration> pending) {
        int i = 0;
        while (i < pending.size() && !pending.get(i).repeatable()) {
            i++;
        }
        return i;
    }

    /** A FAILED migration's executable, resumed after the statements its failed run committed, if it resumes. */
    private static Executable resumed(TargetSession session, ResolvedMigration m, Executable e, Resumption resume) {
        Integer from = m.version() == null ? null : resume.from().get(m.version());
        if (from == null) {
            return e;
        }
        LOG.info("Resuming {} at statement {}: statements 1-{} were committed by the failed run and are unchanged",
                m.label(), from + 1, from);
        return session.resume(e, from);
    }

    List<MigrationStatus> info() {
        try (LogContext mdc = new LogContext(runId); Start started = start()) {
            List<ResolvedMigration> resolved = started.resolved();
            TargetSession session = started.session();
            return aroundCallbacks(started, Callbacks.BEFORE_INFO, Callbacks.AFTER_INFO, Callbacks.AFTER_INFO_ERROR,
                    () -> MigrationPlanner.plan(resolved, read(session), null, config.outOfOrder()).statuses());
        }
    }

    /**
     * Runs a command that takes no lock of its own (info, validate) between its Flyway callbacks; only when there are
     * some does it take the lock, so that callbacks never run beside another instance's migration.
     */
    private <T> T aroundCallbacks(Start started, String before, String after, String error,
                                  java.util.function.Supplier<T> body) {
        Callbacks.Run callbacks = callbacks(started);
        if (!callbacks.has(before) && !callbacks.has(after) && !callbacks.has(error)) {
            return body.get();
        }
        TargetSession session = started.session();
        try (MigrationLock lock = MigrationLock.acquire(session.lock(), runId, config.lease(), config.lockTimeout(),
                session.describe(), config.listener(), config.clock())) {
            session.guard(lock::checkHeld);
            try {
                callbacks.run(before);
                T result = body.get();
                callbacks.run(after);
                return result;
            } catch (RuntimeException failure) {
                callbacks.runAfterError(error, failure);
                throw failure;
            }
        }
    }

    void validate() {
        try (LogContext mdc = new LogContext(runId); Start started = start()) {
            aroundCallbacks(started, Callbacks.BEFORE_VALIDATE, Callbacks.AFTER_VALIDATE,
                    Callbacks.AFTER_VALIDATE_ERROR, () -> {
                        validate(started);
                        return null;
                    });
        }
    }

    private void validate(Start started) {
        List<ResolvedMigration> resolved = started.resolved();
        TargetSession session = started.session();
        MigrationPlanner.Plan plan = MigrationPlanner.plan(resolved, read(session), null, config.outOfOrder());
        List<String> problems = new ArrayList<>(plan.problems());
        problems.addAll(plan.future());
        if (!problems.isEmpty()) {
            throw new ValidationException("Validation of " + session.describe() + " found "
                    + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"), problems);
        }
        for (ResolvedMigration m : plan.pending()) {
            prepare(session, m, false);
        }
    }

    MigrationPlan plan() {
        try (LogContext mdc = new LogContext(runId); Start started = start()) {
            List<ResolvedMigration> resolved = started.resolved();
            TargetSession session = started.session();
            MigrationPlanner.Plan plan = MigrationPlanner.plan(resolved, read(session), null, config.outOfOrder());
            if (!plan.problems().isEmpty()) {
                throw validationFailed(plan.problems());
            }
            MigrationLinter.beforeRun(config, session, plan.pending(), placeholders);
            List<PlannedMigration> planned = new ArrayList<>();
            for (ResolvedMigration m : plan.pending()) {
                Executable e = prepare(session, m, false, true);
                planned.add(new PlannedMigration(m.versionText(), m.description(), m.script(),
                        shown(e.statements()), e.atomic()));
            }
            return new MigrationPlan(planned, session.statementTerminator());
        }
    }

    MigrationPlan rollbackPlan(int count, Version to) {
        try (LogContext mdc = new LogContext(runId); Start started = start()) {
            TargetSession session = started.session();
            List<ResolvedMigration> steps = RollbackPlanner.plan(started.resolved(), read(session), count, to).steps();
            List<PlannedMigration> planned = new ArrayList<>();
            for (ResolvedMigration m : steps) {
                Executable e = prepare(session, m, true, true);
                planned.add(new PlannedMigration(m.versionText(), m.description(), m.down().name(),
                        shown(e.statements()), e.atomic()));
            }
            return new MigrationPlan(planned, session.statementTerminator());
        }
    }

    AdoptResult adopt(ForeignTool tool, String table) {
        try (LogContext mdc = new LogContext(runId); Start started = start()) {
            mdc.target(started.session().describe());
            return adopt(tool, table, started.resolved(), started.session(), false);
        }
    }

    /**
     * Reads and checks the other tool's table without the lock (a refusal writes and locks nothing), then takes the
     * lock and writes what is not adopted yet. {@code ifFirstBoot}: adoptOnMigrate's adoption, done only while
     * migrator has applied nothing, and skipped (null) when the tool's table does not exist.
     */
    private AdoptResult adopt(ForeignTool tool, String table, List<ResolvedMigration> resolved, TargetSession session,
                              boolean ifFirstBoot) {
        Adoption adoption = new Adoption(tool, table, config);
        ForeignTool.ForeignHistory foreign = adoption.read(session, resolved, !ifFirstBoot);
        if (foreign == null) {
            return null;
        }
        try (LockedRun locked = lock(session, session.describe())) {
            HistoryState state = locked.history();
            if (ifFirstBoot && state.anyApplied()) {
                return null;
            }
            return adoption.write(locked.run, session, state, foreign);
        }
    }

    void baseline(Version version) {
        // Discovers, as the other commands do, for the Flyway callbacks (beforeBaseline.sql): bad input is refused here
        // too, before anything is written.
        try (LogContext mdc = new LogContext(runId); Start started = start();
             LockedRun locked = lock(started.session(), started.session().describe())) {
            TargetSession session = started.session();
            Callbacks.Run callbacks = callbacks(started);
            try {
                callbacks.run(Callbacks.BEFORE_BASELINE);
                HistoryState state = locked.history();
                if (state.maxRank() > 0) {
                    throw new ValidationException("Cannot baseline " + session.describe() + " at version " + version
                            + "; nothing was changed", List.of("the history already holds " + state.maxRank()
                            + " rows: baseline only a database that migrator has never migrated"));
                }
                session.history().append(locked.run.record(version.toString(), "<< Baseline >>",
                        MigrationType.BASELINE.name(), "<< Baseline >>", null, Action.BASELINE, Outcome.SUCCESS,
                        config.clock().instant(), 0, null));
                LOG.info("Baselined {} at version {}", session.describe(), version);
                callbacks.run(Callbacks.AFTER_BASELINE);
            } catch (RuntimeException failure) {
                callbacks.runAfterError(Callbacks.AFTER_BASELINE_ERROR, failure);
                throw failure;
            }
        }
    }

    RepairResult repair() {
        try (LogContext mdc = new LogContext(runId); Start started = start()) {
            List<ResolvedMigration> resolved = started.resolved();
            TargetSession session = started.session();
            if (!session.history().exists()) {
                return new RepairResult(List.of(), List.of());
            }
            try (LockedRun locked = lock(session, session.describe())) {
                Callbacks.Run callbacks = callbacks(started);
                try {
                    callbacks.run(Callbacks.BEFORE_REPAIR);
                    RepairResult result = repair(locked, session, resolved);
                    callbacks.run(Callbacks.AFTER_REPAIR);
                    return result;
                } catch (RuntimeException failure) {
                    callbacks.runAfterError(Callbacks.AFTER_REPAIR_ERROR, failure);
                    throw failure;
                }
            }
        }
    }

    private RepairResult repair(LockedRun locked, TargetSession session, List<ResolvedMigration> resolved) {
        HistoryState state = locked.history();
        UnfinishedMigrations.refuseWhileRunning(state, session, "repair()");
        List<String> cleared = new ArrayList<>();
        List<String> realigned = new ArrayList<>();
        for (HistoryState.Entry e : state.versionedEntries()) {
            if (e.isFailed()) {
                appendRepair(locked.run, session, e, Action.REPAIR, e.checksum(), e.failure().description());
                cleared.add(e.key());
            }
        }
        for (HistoryState.Entry e : state.repeatableEntries()) {
            if (e.isFailed()) {
                appendRepair(locked.run, session, e, Action.REPAIR, e.checksum(), e.key());
                cleared.add(e.key());
            }
        }
        for (ResolvedMigration m : resolved) {
            HistoryState.Entry e = m.repeatable() ? null : state.get(m.version());
            if (e != null && e.isApplied() && !e.isBaseline() && m.checksum() != null
                    && (e.checksum() == null || Checksums.differs(m, e.checksum())
                    || !m.description().equals(e.description()))) {
                appendRepair(locked.run, session, e, Action.REALIGN, m.checksum(), m.description());
                realigned.add(e.key());
            }
        }
        LOG.info("Repaired {}: cleared failures {}, re-aligned checksums {}", session.describe(), cleared,
                realigned);
        return new RepairResult(cleared, realigned);
    }

    RepairResult markApplied(Version version, String reason) {
        try (LogContext mdc = new LogContext(runId); Start started = start()) {
            TargetSession session = started.session();
            ResolvedMigration script = started.resolved().stream().filter(m -> version.equals(m.version()))
                    .findFirst().orElse(null);
            try (LockedRun locked = lock(session, session.describe())) {
                HistoryState state = locked.history();
                HistoryState.Entry e = state.get(version);
                if (e == null || !e.isFailed()) {
                    throw new ValidationException("Cannot mark version " + version + " as applied on "
                            + session.describe() + "; nothing was changed", List.of("version " + version + " is "
                            + (e == null ? "not in the history" : e.isApplied() ? "already applied" : "not FAILED or "
                            + "unfinished") + ": markApplied is for a migration that failed or never finished and "
                            + "was then finished by hand"));
                }
                UnfinishedMigrations.refuseWhileRunning(state, session, "markApplied(\"" + version + "\", ...)");
                HistoryRecord row = e.failure();
                session.history().append(locked.run.record(version.toString(),
                        script != null ? script.description() : row.description(), row.type(), row.script(),
                        script != null ? script.checksum() : row.checksum(), Action.MARK_APPLIED, Outcome.SUCCESS,
                        config.clock().instant(), 0, null).withNote(Secrets.shorten(Secrets.mask(reason), 2_000)));
                LOG.info("Marked version {} as applied on {}, finished by hand: {}", version, session.describe(),
                        Secrets.mask(reason));
                return new RepairResult(List.of(), List.of(), List.of(version.toString()));
            }
        }
    }

    private void appendRepair(RunContext run, TargetSession session, HistoryState.Entry e, Action action,
                              String checksum, String description) {
        var row = e.failure() != null ? e.failure() : e.applied();
        session.history().append(run.record(e.version() == null ? null : e.key(), description, row.type(),
                row.script(), checksum, action, Outcome.SUCCESS, config.clock().instant(), 0, null));
    }

    /**
     * Discovers the migrations while another thread connects. Both are mostly start-up work of a cold JVM (reading
     * and hashing every script; loading and warming the driver), so a boot pays the longer of the two instead of
     * their sum. Connecting touches nothing: bad input found by discovery is still refused before any table exists,
     * and the session opened meanwhile is closed.
     */
    private Start start() {
        BackgroundOpen opening = new BackgroundOpen("migrator-connect-" + runId, this::open);
        List<ResolvedMigration> resolved;
        MigrationDiscovery discovery = new MigrationDiscovery(config.target(), placeholders, config.classLoader());
        try {
            resolved = discovery.discover(config.locations(), config.defaultLocations(), config.migrations());
        } catch (RuntimeException e) {
            // Report the bad input now, not after a slow or failing connect; the session closes when it arrives.
            opening.abandon();
            throw e;
        }
        return new Start(resolved, opening.await(), discovery.callbacks());
    }

    /** What a run starts from: the migrations and Flyway callbacks found, and an open session, closed together. */
    private record Start(List<ResolvedMigration> resolved, TargetSession session, Callbacks callbacks)
            implements AutoCloseable {
        @Override
        public void close() {
            session.close();
        }
    }

    private TargetSession open() {
        return config.target().open(config.settings());
    }

    /**
     * A plan's statements as shown: a plan is printed and kept (a CI artifact), so password literals are masked
     * ({@code PASSWORD '****'}), as secret placeholders are left as {@code ${name}}.
     */
    private static List<String> shown(List<ScriptStatement> statements) {
        return statements.stream().map(s -> Secrets.mask(s.text())).toList();
    }

    /**
     * The history, empty where it does not exist yet: {@link dev.migrator.api.spi.HistoryStore#read} says so, and looks
     * for the table only when reading fails, so a boot with the history in place costs one query, not a catalogue
     * lookup before it.
     */
    private static HistoryState read(TargetSession session) {
        return HistoryState.of(session.history().read());
    }

    private Executable prepare(TargetSession session, ResolvedMigration m, boolean undo) {
        return prepare(session, m, undo, false);
    }

    /** {@code shown}: for a plan, which prints the statements: secret placeholders stay {@code ${name}}. */
    private Executable prepare(TargetSession session, ResolvedMigration m, boolean undo, boolean shown) {
        MigrationSource source = undo ? m.down() : m.up();
        if (source instanceof MigrationSource.Script s) {
            try {
                return session.prepareScript(s.name(), scriptText(session, s, shown));
            } catch (ConfigurationException e) {
                // A directive's error quotes the line it read, placeholders replaced: a secret placeholder's value
                // must not reach the message (nor a cause that still holds it).
                String message = Secrets.scrub(e.getMessage(), placeholders.secretValues());
                if (java.util.Objects.equals(message, e.getMessage())) {
                    throw e;
                }
                throw new ConfigurationException(message);
            }
        }
        return session.prepareJava(((MigrationSource.Java) source).migration(), undo);
    }

    /**
     * A script's text as the target runs it: placeholders (Flyway's built-in ones too) replaced, directives added.
     * {@code shown}: for a plan, which prints the statements: secret placeholders stay {@code ${name}}.
     */
    private String scriptText(TargetSession session, MigrationSource.Script s, boolean shown) {
        if (builtIns == null || builtIns.session() != session) {
            builtIns = new FlywayPlaceholders(session, config.schema(), config.historyTable(), config.clock());
        }
        return s.withDirectives(shown ? placeholders.replaceShown(s.text(), s.name(), builtIns)
                : placeholders.replace(s.text(), s.name(), builtIns));
    }

    /** The Flyway callbacks of this run, on its session. */
    private Callbacks.Run callbacks(Start started) {
        return started.callbacks().on(started.session(), s -> scriptText(started.session(), s, false),
                placeholders.secretValues(), config.clock());
    }

    /**
     * The one way this engine takes the lock, for every command that writes history: a {@link LockedRun} gives the
     * run its identity, and its {@code history()} the history read again under the lock, with ranks continuing it.
     */
    private LockedRun lock(TargetSession session, String target) {
        return LockedRun.take(config, session, target, runId);
    }

    /** The MDC keys of one call: {@code migrator.run} from the start, {@code migrator.target} once connected. */
    private static final class LogContext implements AutoCloseable {
        LogContext(String runId) {
            MDC.put("migrator.run", runId);
        }

        void target(String target) {
            MDC.put("migrator.target", target);
        }

        @Override
        public void close() {
            MDC.remove("migrator.target");
            MDC.remove("migrator.run");
        }
    }

    private static boolean hasFailures(HistoryState state) {
        for (HistoryState.Entry e : state.versionedEntries()) {
            if (e.isFailed()) {
                return true;
            }
        }
        for (HistoryState.Entry e : state.repeatableEntries()) {
            if (e.isFailed()) {
                return true;
            }
        }
        return false;
    }

    private static ValidationException validationFailed(List<String> problems) {
        return new ValidationException("Validation failed; nothing was run", problems);
    }

    /** A version as logs show it: {@code <none>} before the first migration, as the reports do. */
    private static String shown(String version) {
        return version == null ? "<none>" : version;
    }

    private static String text(Version v) {
        return v == null ? null : v.toString();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
