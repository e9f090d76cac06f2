package dev.migrator.core;

import dev.migrator.api.ConfigurationException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One migration set run against many databases or schemas (one per tenant, country, region), each with its own lock
 * and history:
 *
 * <pre>{@code
 * Fleet fleet = Fleet.builder()
 *         .template(Migrator.builder().locations("classpath:db/tenant"))
 *         .targets(List.of(FleetTarget.of("acme", JdbcTarget.of(url, user, password)).schema("acme"), ...))
 *         .parallelism(8)
 *         .canary("acme")
 *         .onError(FleetErrorPolicy.maxFailures(3))
 *         .build();
 * FleetResult result = fleet.migrate();
 * }</pre>
 *
 * <p>Stages: the canary targets run first; if one fails, nothing else starts. Then the other targets run group by
 * group (see {@link FleetTarget#group}), in the order each group first appears, a group starting once the one before
 * finished; at most {@code parallelism} targets run at once. The stop rule ({@link FleetErrorPolicy}) stops starting
 * targets once enough have failed; the targets not started are {@link FleetOutcome#SKIPPED}. A target already up to
 * date costs one no-op boot (one read of its history, no lock), so running a half-finished rollout again finishes it.
 *
 * <p>Thread-safe and immutable; the builder is not.
 */
public final class Fleet {
    private final List<FleetTarget> targets;
    private final List<Migrator> migrators;
    private final Set<String> canary;
    private final int parallelism;
    private final FleetErrorPolicy onError;
    private final Duration targetTimeout;
    private final Consumer<FleetTargetResult> onResult;

    private Fleet(Builder b, List<Migrator> migrators) {
        this.targets = List.copyOf(b.targets);
        this.migrators = List.copyOf(migrators);
        this.canary = Set.copyOf(b.canary);
        this.parallelism = b.parallelism;
        this.onError = b.onError;
        this.targetTimeout = b.targetTimeout;
        this.onResult = b.onResult;
    }

    /** Starts configuring a fleet; {@link Builder#template} and {@link Builder#targets} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Migrates every target (see the class comment for stages and the stop rule). */
    public FleetResult migrate() {
        return run("migrate", Migrator::migrate);
    }

    /** Validates every target; a target whose history and migrations disagree is FAILED with the ValidationException. */
    public FleetResult validate() {
        return run("validate", m -> {
            m.validate();
            return null;
        });
    }

    /** Reads every target's migrations and history; each result's {@code report()} is its {@code List<MigrationStatus>}. */
    public FleetResult info() {
        return run("info", Migrator::info);
    }

    /**
     * Runs any operation on each target's migrator, with the same stages, parallelism, stop rule and timeout: for
     * tools ({@code plan()}, {@code lint()}, {@code migrateTo(...)}). An exception fails the target; what the function
     * returns is the result's {@code report()}.
     *
     * @param operation the name of the operation in the result and its JSON, such as {@code plan}
     */
    public FleetResult run(String operation, Function<Migrator, ?> function) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(function, "function");
        return new FleetRun(operation, targets, migrators, canary, parallelism, onError, targetTimeout, onResult,
                function).run();
    }

    /** The targets, in the order given. */
    public List<FleetTarget> targets() {
        return targets;
    }

    /**
     * Configures a {@link Fleet}. Each method replaces the value set before; {@link #build()} checks everything at
     * once. Not thread-safe.
     */
    public static final class Builder {
        /** One target at a time, as a loop would: raise it once the migrations are known to be light. */
        public static final int DEFAULT_PARALLELISM = 1;

        private Migrator.Builder template;
        private List<FleetTarget> targets;
        private List<String> canary = List.of();
        private int parallelism = DEFAULT_PARALLELISM;
        private FleetErrorPolicy onError = FleetErrorPolicy.stop();
        private Duration targetTimeout;
        private Consumer<FleetTargetResult> onResult = r -> { };

        private Builder() {
        }

        /**
         * The settings every target shares (locations, history table, lock timeout, placeholders...). Its target,
         * if set, is ignored; each {@link FleetTarget} brings its own, with its schema and placeholders. Read when
         * {@link #build()} is called; changing it afterwards changes nothing.
         */
        public Builder template(Migrator.Builder template) {
            this.template = Objects.requireNonNull(template, "template");
            return this;
        }

        /** The targets (required; may be empty, as a shard may be). Names must be unique. */
        public Builder targets(List<FleetTarget> targets) {
            Objects.requireNonNull(targets, "targets");
            this.targets = new ArrayList<>(targets);
            return this;
        }

        /** How many targets run at once (default 1). */
        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        /** The targets that run first, alone; if one fails nothing else starts, whatever {@link #onError} says. */
        public Builder canary(String... names) {
            Objects.requireNonNull(names, "names");
            this.canary = List.copyOf(Arrays.asList(names));
            return this;
        }

        /** When to stop starting targets after failures (default {@link FleetErrorPolicy#stop()}). */
        public Builder onError(FleetErrorPolicy policy) {
            this.onError = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How long one target may take before it is FAILED and its thread interrupted (default: no limit). A database
         * that ignores the interruption keeps running the statement until it ends; the target's lock is released
         * with its session, and the next run resumes from its history.
         */
        public Builder targetTimeout(Duration timeout) {
            this.targetTimeout = Objects.requireNonNull(timeout, "targetTimeout");
            return this;
        }

        /** Called as each target ends (from the thread that ran it), for progress; must be thread-safe. */
        public Builder onResult(Consumer<FleetTargetResult> listener) {
            this.onResult = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Checks every setting, and builds each target's migrator from the template.
         *
         * @throws ConfigurationException naming each bad setting and each target whose migrator cannot be built
         */
        public Fleet build() {
            List<String> problems = new ArrayList<>();
            if (template == null) {
                problems.add("template is required: template(Migrator.builder().locations(...))");
            }
            if (targets == null) {
                problems.add("targets is required: targets(List.of(FleetTarget.of(name, target), ...))");
            }
            if (parallelism < 1) {
                problems.add("parallelism: " + parallelism + " must be at least 1");
            }
            if (targetTimeout != null && (targetTimeout.isNegative() || targetTimeout.isZero())) {
                problems.add("targetTimeout: " + targetTimeout + " must be positive");
            }
            Set<String> names = new HashSet<>();
            List<Migrator> migrators = new ArrayList<>();
            for (FleetTarget t : targets == null ? List.<FleetTarget>of() : targets) {
                if (t == null) {
                    problems.add("targets: a target is null");
                    continue;
                }
                if (t.name().isBlank() || t.name().chars().anyMatch(Character::isISOControl)) {
                    problems.add("targets: '" + t.name() + "' is not a usable name: give each target a name without "
                            + "control characters");
                } else if (!names.add(t.name())) {
                    problems.add("targets: the name '" + t.name() + "' is given twice; each target needs its own");
                }
                if (template != null) {
                    try {
                        migrators.add(template.forFleetTarget(t.target(), t.schema(), t.placeholders()).build());
                    } catch (ConfigurationException e) {
                        for (String p : e.problems().isEmpty() ? List.of(e.getMessage()) : e.problems()) {
                            problems.add("target " + t.name() + ": " + p);
                        }
                    }
                }
            }
            for (String c : new LinkedHashSet<>(canary)) {
                if (c == null || !names.contains(c)) {
                    problems.add("canary: '" + c + "' is not the name of a target");
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("The fleet is not configured right", problems);
            }
            return new Fleet(this, migrators);
        }
    }
}
