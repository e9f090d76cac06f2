package dev.migrator.core;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link Fleet} run did, target by target, in the order the targets were given. Immutable.
 *
 * @param operation {@code migrate}, {@code validate}, {@code info}, or the name given to {@link Fleet#run}
 * @param targets   one result per target
 * @param duration  the wall time of the whole run
 */
public record FleetResult(String operation, List<FleetTargetResult> targets, Duration duration) {
    public FleetResult {
        targets = List.copyOf(targets);
    }

    /** Whether every target succeeded (true for a fleet without targets). */
    public boolean succeeded() {
        return targets.stream().allMatch(t -> t.outcome() == FleetOutcome.SUCCEEDED);
    }

    /** How many targets ended with {@code outcome}. */
    public int count(FleetOutcome outcome) {
        return (int) targets.stream().filter(t -> t.outcome() == outcome).count();
    }

    /** One line: {@code migrate: 20 targets, 18 succeeded, 1 failed, 1 skipped in 3.2 s}. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %d target%s, %d succeeded, %d failed, %d skipped in %.1f s", operation,
                targets.size(), targets.size() == 1 ? "" : "s", count(FleetOutcome.SUCCEEDED),
                count(FleetOutcome.FAILED), count(FleetOutcome.SKIPPED), duration.toMillis() / 1000.0);
    }

    /** The whole fleet as one JSON document (see {@code docs/fleet.md}). */
    public String toJson() {
        return JsonReports.fleet(this);
    }
}
