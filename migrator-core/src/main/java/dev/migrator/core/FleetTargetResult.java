package dev.migrator.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one target of a {@link Fleet} run ended. Immutable.
 *
 * @param name          the target's name
 * @param group         its group, or {@code null}
 * @param outcome       succeeded, failed or skipped
 * @param versionBefore the highest applied version before the run, {@code null} when none or not known (skipped,
 *                      failed before reading the history, or an operation that does not read it)
 * @param versionAfter  the highest applied version after the run, {@code null} when none or not known
 * @param applied       the migrations applied, in the order run; empty unless {@code migrate()} applied some
 * @param duration      how long the target took, {@link Duration#ZERO} when skipped
 * @param error         why it failed, {@code null} unless {@link FleetOutcome#FAILED}
 * @param report        what the operation returned for this target: the {@link MigrateResult} of
 *                      {@code migrate()}, the {@code List<MigrationStatus>} of {@code info()}, what the function
 *                      of {@link Fleet#run} returned; {@code null} for {@code validate()}, a failure or a skip
 */
public record FleetTargetResult(String name, String group, FleetOutcome outcome, String versionBefore,
                                String versionAfter, List<AppliedMigration> applied, Duration duration,
                                RuntimeException error, Object report) {
    public FleetTargetResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        applied = List.copyOf(applied);
        Objects.requireNonNull(duration, "duration");
    }
}
