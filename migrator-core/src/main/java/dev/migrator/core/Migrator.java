package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.Migration;
import dev.migrator.api.MigrationListener;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.api.spi.TargetSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Runs migrations against one target. Build one with {@link #builder()}, call {@link #migrate()} at boot:
 *
 * <pre>{@code
 * Migrator.builder().target(JdbcTarget.of(dataSource)).build().migrate();
 * }</pre>
 *
 * <p>Thread-safe and immutable: every call opens its own session, takes the database lock where it changes
 * anything, and closes what it opened. Many instances (threads, processes, hosts) may call it at once; exactly one
 * migrates and the others wait, then find nothing left to do.
 */
public final class Migrator {
    private final MigratorConfig config;

    private Migrator(MigratorConfig config) {
        this.config = config;
    }

    /** Starts configuring a migrator; {@link Builder#target} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this migrator's settings, to derive a variant. */
    public Builder toBuilder() {
        return new Builder(config);
    }

    /** Applies every pending migration in version order, then the repeatable ones whose checksum changed. */
    public MigrateResult migrate() {
        return RunEvents.migrate(config, engine(), null);
    }

    /** Applies pending migrations up to and including {@code version}; repeatables only if nothing is left after. */
    public MigrateResult migrateTo(String version) {
        Objects.requireNonNull(version, "version");
        return RunEvents.migrate(config, engine(), Version.parse(version));
    }

    /** Undoes the {@code count} most recently applied versioned migrations, newest first, after checking the path. */
    public RollbackResult rollback(int count) {
        if (count < 1) {
            throw new ConfigurationException("rollback(" + count + "): the count must be at least 1");
        }
        return RunEvents.rollback(config, engine(), count, null);
    }

    /** Undoes every applied migration newer than {@code version}, so that the schema ends at {@code version}. */
    public RollbackResult rollbackTo(String version) {
        Objects.requireNonNull(version, "version");
        return RunEvents.rollback(config, engine(), 0, Version.parse(version));
    }

    /** Every known migration, applied or not, in order, with its state. Reads only; locks and creates nothing. */
    public List<MigrationStatus> info() {
        return engine().info();
    }

    /**
     * Checks the migrations against the history and parses the pending scripts.
     *
     * @throws dev.migrator.api.ValidationException listing every problem
     */
    public void validate() {
        engine().validate();
    }

    /** What {@link #migrate()} would run, statement by statement, without running, locking or creating anything. */
    public MigrationPlan plan() {
        return engine().plan();
    }

    /**
     * What {@link #rollback(int)} would run, down by down, without running, locking or creating anything. Checked as
     * the rollback itself is, so a rollback that would be refused is refused here too.
     */
    public MigrationPlan rollbackPlan(int count) {
        if (count < 1) {
            throw new ConfigurationException("rollbackPlan(" + count + "): the count must be at least 1");
        }
        return engine().rollbackPlan(count, null);
    }

    /** What {@link #rollbackTo(String)} would run, without running, locking or creating anything. */
    public MigrationPlan rollbackPlanTo(String version) {
        Objects.requireNonNull(version, "version");
        return engine().rollbackPlan(0, Version.parse(version));
    }

    /** Marks an existing schema as being at {@code version}: migrations up to it will not be applied. */
    public void baseline(String version) {
        Objects.requireNonNull(version, "version");
        engine().baseline(Version.parse(version));
    }

    /**
     * Takes over another tool's history: reads its table ({@code flyway_schema_history}, {@code DATABASECHANGELOG},
     * ...), checks it against the files in the locations, and records what it applied as migrator history (action
     * {@code ADOPT}), under the lock and in one transaction. Those migrations then count as applied and are never
     * run; the other tool's table is left as it is. A second call writes nothing. {@code rollback} of the adoption
     * step removes nothing from the schema and leaves the database as before the adoption.
     *
     * @param tool {@code flyway}, {@code liquibase}, {@code alembic}, {@code django}, {@code knex} or
     *             {@code sequelize}
     * @throws dev.migrator.api.ValidationException   naming each version or file where the history and the files
     *                                                disagree (an edited or missing script, a failed entry); nothing
     *                                                is written
     * @throws ConfigurationException                 for an unknown tool, or when the tool's table does not exist
     */
    public AdoptResult adopt(String tool) {
        return adopt(tool, null);
    }

    /** As {@link #adopt(String)}, reading {@code table} (such as Flyway's old {@code schema_version}). */
    public AdoptResult adopt(String tool, String table) {
        Objects.requireNonNull(tool, "tool");
        return engine().adopt(ForeignTools.get(tool), table);
    }

    /** Adopts with a given tool implementation: for tests of the adoption engine with a tool of their own. */
    AdoptResult adopt(ForeignTool tool, String table) {
        return engine().adopt(tool, table);
    }

    /**
     * Runs another tool's migration command ({@code alembic upgrade head}, {@code npx knex migrate:latest}, ...) while
     * holding migrator's lock, and records what it applied or undid (see {@code docs/other-tools.md}). The command's
     * output goes to standard error.
     *
     * @param tool    {@code alembic}, {@code django}, {@code knex}, {@code sequelize}, {@code flyway} or
     *                {@code liquibase}: whose history is read before and after
     * @param command the program and its arguments
     * @return what ran and changed; {@link ExecResult#succeeded()} is false when the command failed
     * @throws dev.migrator.api.LockTimeoutException when another instance held the lock too long; nothing ran
     */
    public ExecResult exec(String tool, List<String> command) {
        Objects.requireNonNull(command, "command");
        return new ToolExecution(config, ForeignTools.get(tool), command, System.err).run();
    }

    /** Clears FAILED entries and re-aligns recorded checksums with the scripts, after a human fixed the database. */
    public RepairResult repair() {
        return engine().repair();
    }

    /**
     * Records a FAILED or unfinished migration as applied, after a human finished its changes by hand: a new history
     * row (action {@code MARK_APPLIED}) by {@code installedBy} with the reason; the migration is never run again.
     * The other resolution, for changes undone by hand, is {@link #repair()}.
     *
     * @throws dev.migrator.api.ValidationException when {@code version} is not FAILED or unfinished, or its
     *                                              unfinished attempt still runs on the server; nothing is written
     */
    public RepairResult markApplied(String version, String reason) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new ConfigurationException("markApplied(\"" + version + "\", reason): say why, for the history "
                    + "(who finished what by hand)");
        }
        return engine().markApplied(Version.parse(version), reason);
    }

    /**
     * Lints the pending migrations for risks to a running application (locks that queue its queries, changes that
     * break the version still running) without running anything. Connected, the linter knows which tables exist and
     * about how large they are; when the target cannot be reached, it lints every script offline and reports what it
     * cannot rule out. Findings acknowledged by a {@code -- migrator:allow <RULE-ID> <reason>} comment on the line
     * before their statement are left out.
     *
     * @return the findings, in the order the migrations would run; empty when nothing is risky
     */
    public List<LintFinding> lint() {
        return MigrationLinter.lint(config);
    }

    /**
     * Compares the live schema with the snapshot stored by the last {@code migrate()} or {@code rollback()} that
     * changed something, and lists each difference made outside the migrations (a column added by hand, an index
     * dropped, a type changed). Reads only. Empty when there is none, or no run has stored a snapshot yet;
     * {@link SchemaDrift#check} tells the two apart.
     *
     * @return one line per difference, such as {@code column orders.note: present now, absent after the last
     *         migration run}
     */
    public List<String> checkDrift() {
        return SchemaDrift.check(this).differences();
    }

    /** The target this migrator runs against. */
    public MigrationTarget target() {
        return config.target();
    }

    /** Where this migrator keeps its history (schema, history table, lock table), for tools such as the testkit. */
    public TargetSettings targetSettings() {
        return config.settings();
    }

    /**
     * The configured locations that exist but hold no migration, each as the absolute path (or class-path URL) it
     * resolved to; empty when every location holds one. Reads the locations only, never the database. A run logs a
     * warning for each; a tool that must fail instead (the CLI without {@code --allow-empty}) asks here.
     */
    public List<String> emptyLocations() {
        return MigrationDiscovery.emptyLocations(config.target(), config.locations(), config.classLoader());
    }

    private MigrationEngine engine() {
        return new MigrationEngine(config);
    }

    /**
     * Configures a {@link Migrator}. Each method replaces the value set before; {@link #build()} checks everything
     * at once. Not thread-safe.
     */
    public static final class Builder {
        /** Where Flyway users keep their scripts; a missing default location is not an error. */
        public static final String DEFAULT_LOCATION = "classpath:db/migration";
        /** The history table; every other table migrator needs is also named {@code migrator_...}. */
        public static final String DEFAULT_HISTORY_TABLE = "migrator_history";
        /** The lease-lock table, used where the database has no session lock; one row per history table. */
        public static final String LOCK_TABLE = "migrator_lock";
        /** Long enough for a big release on a slow database, short enough that a stuck deploy is noticed. */
        public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);
        /** A crashed holder's lease lock frees after this; renewed every third of it while migrating. */
        static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
        /**
         * How long a script holding DDL may wait for a table lock: while an ALTER waits, every query of the application
         * on that table queues behind it, so it gives up soon and tries again rather than take production down.
         */
        public static final Duration DEFAULT_DDL_LOCK_TIMEOUT = Duration.ofSeconds(5);
        /** How often a migration whose lock wait timed out is tried again, with back-off and jitter. */
        public static final int DEFAULT_DDL_RETRIES = 5;
        /** Findings are logged but do not stop a run: the safe path is shown, not forced, until a team opts in. */
        public static final LintMode DEFAULT_LINT = LintMode.WARN;
        private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

        private MigrationTarget target;
        private List<String> locations;
        private List<Migration<?>> migrations = List.of();
        private Map<String, String> placeholders = Map.of();
        private boolean replacePlaceholders = true;
        private String historyTable = DEFAULT_HISTORY_TABLE;
        private String schema;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private boolean outOfOrder;
        private MigrationListener listener = RunEvents.NONE;
        private String installedBy;
        private Clock clock = Clock.systemUTC();
        private Duration lease = DEFAULT_LEASE;
        private ClassLoader classLoader;
        private Duration ddlLockTimeout = DEFAULT_DDL_LOCK_TIMEOUT;
        private Duration statementTimeout;
        private int ddlRetries = DEFAULT_DDL_RETRIES;
        private LintMode lint = DEFAULT_LINT;
        private String adoptOnMigrate;

        private Builder() {
        }

        private Builder(MigratorConfig c) {
            target = c.target();
            locations = c.defaultLocations() ? null : c.locations();
            migrations = c.migrations();
            placeholders = c.placeholders();
            replacePlaceholders = c.replacePlaceholders();
            historyTable = c.historyTable();
            schema = c.schema();
            lockTimeout = c.lockTimeout();
            outOfOrder = c.outOfOrder();
            listener = RunEvents.unwrap(c.listener());
            installedBy = c.installedBy();
            clock = c.clock();
            lease = c.lease();
            classLoader = c.classLoader();
            ddlLockTimeout = c.execution().ddlLockTimeout();
            statementTimeout = c.execution().statementTimeout();
            ddlRetries = c.execution().ddlRetries();
            lint = c.lint();
            adoptOnMigrate = c.adoptOnMigrate();
        }

        /**
         * A copy of this builder for one target of a {@link Fleet}: its own target, its schema when not
         * {@code null}, and its placeholders over this builder's. This builder is left as it was. A field added to
         * the builder is copied here too: {@code FleetTest.forFleetTarget_copiesEverySetting} fails until it is.
         */
        Builder forFleetTarget(MigrationTarget fleetTarget, String fleetSchema, Map<String, String> morePlaceholders) {
            Builder copy = new Builder();
            copy.target = fleetTarget;
            copy.locations = locations;
            copy.migrations = migrations;
            copy.placeholders = new LinkedHashMap<>(placeholders);
            copy.placeholders.putAll(morePlaceholders);
            copy.replacePlaceholders = replacePlaceholders;
            copy.historyTable = historyTable;
            copy.schema = fleetSchema != null ? fleetSchema : schema;
            copy.lockTimeout = lockTimeout;
            copy.outOfOrder = outOfOrder;
            copy.listener = listener;
            copy.installedBy = installedBy;
            copy.clock = clock;
            copy.lease = lease;
            copy.classLoader = classLoader;
            copy.ddlLockTimeout = ddlLockTimeout;
            copy.statementTimeout = statementTimeout;
            copy.ddlRetries = ddlRetries;
            copy.lint = lint;
            copy.adoptOnMigrate = adoptOnMigrate;
            return copy;
        }

        /** The database to migrate (required): {@code JdbcTarget.of(dataSource)}, {@code MongoTarget.of(...)}. */
        public Builder target(MigrationTarget target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /**
         * Where to find migrations: {@code classpath:db/migration} (the default) or {@code filesystem:/path}; a path
         * without a prefix is a class-path location. Scanned recursively, directories and jars alike.
         */
        public Builder locations(String... locations) {
            Objects.requireNonNull(locations, "locations");
            this.locations = List.copyOf(Arrays.asList(locations));
            return this;
        }

        /** Java migration instances, added to what the locations hold; they need no scanning. */
        public Builder migrations(Migration<?>... migrations) {
            Objects.requireNonNull(migrations, "migrations");
            this.migrations = List.copyOf(Arrays.asList(migrations));
            return this;
        }

        /** Values for {@code ${name}} in scripts. A script naming an unknown placeholder is refused. */
        public Builder placeholders(Map<String, String> placeholders) {
            Objects.requireNonNull(placeholders, "placeholders");
            this.placeholders = new LinkedHashMap<>(placeholders);
            return this;
        }

        /** Whether {@code ${name}} is replaced at all (default {@code true}); turn off for scripts full of {@code ${}. */
        public Builder placeholderReplacement(boolean enabled) {
            this.replacePlaceholders = enabled;
            return this;
        }

        /** The history table (default {@code migrator_history}). */
        public Builder historyTable(String historyTable) {
            this.historyTable = Objects.requireNonNull(historyTable, "historyTable");
            return this;
        }

        /**
         * The schema that holds the history and where migrations run; created if missing. On PostgreSQL it is put
         * first on the connection's {@code search_path}, keeping what was there.
         */
        public Builder schema(String schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /** How long to wait for another instance's lock before {@code LockTimeoutException} (default 10 minutes). */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
            return this;
        }

        /** Whether a pending migration below the latest applied version is applied (default {@code false}). */
        public Builder outOfOrder(boolean outOfOrder) {
            this.outOfOrder = outOfOrder;
            return this;
        }

        /** Hooks called around each migration and while waiting for the lock. */
        public Builder listener(MigrationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Who is recorded as having run the migrations (such as the CI job); default the operating-system user. */
        public Builder installedBy(String installedBy) {
            this.installedBy = Objects.requireNonNull(installedBy, "installedBy");
            return this;
        }

        /** The class loader that scans {@code classpath:} locations; default the thread's context class loader. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * How long each statement of a script holding DDL may wait for a lock (PostgreSQL {@code lock_timeout},
         * MySQL/MariaDB {@code lock_wait_timeout} and {@code innodb_lock_wait_timeout}, SQL Server
         * {@code SET LOCK_TIMEOUT}, Oracle {@code DDL_LOCK_TIMEOUT}), set for that migration only. Default 5 s;
         * {@link Duration#ZERO} keeps the database's own setting. A script overrides it with
         * {@code -- migrator:lock-timeout=30s}.
         */
        public Builder ddlLockTimeout(Duration timeout) {
            this.ddlLockTimeout = Objects.requireNonNull(timeout, "ddlLockTimeout");
            return this;
        }

        /**
         * How long one statement of a migration may run before the driver cancels it. Default: no limit. A script
         * overrides it with {@code -- migrator:statement-timeout=10m}.
         */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = Objects.requireNonNull(timeout, "statementTimeout");
            return this;
        }

        /**
         * How many times a migration whose lock wait timed out is tried again, with exponential back-off and jitter:
         * in a fresh transaction where the database has one, and from the statement that timed out where DDL commits
         * implicitly. Default 5; 0 fails at the first timeout.
         */
        public Builder ddlRetries(int retries) {
            this.ddlRetries = retries;
            return this;
        }

        /**
         * What {@code migrate()} and {@code plan()} do with the risk linter's findings on pending migrations: log them
         * ({@link LintMode#WARN}, the default), refuse the run ({@link LintMode#FAIL}) or not lint
         * ({@link LintMode#OFF}).
         */
        public Builder lint(LintMode lint) {
            this.lint = Objects.requireNonNull(lint, "lint");
            return this;
        }

        /**
         * Adopts {@code tool}'s history ({@link Migrator#adopt(String)}) on the first {@code migrate()} that finds the
         * tool's table and nothing applied by migrator; later boots only migrate. A team switches from Flyway by
         * changing the dependency and adding {@code .adoptOnMigrate("flyway")}.
         */
        public Builder adoptOnMigrate(String tool) {
            this.adoptOnMigrate = Objects.requireNonNull(tool, "tool");
            return this;
        }

        /** For tests: the clock that stamps history rows. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** For tests: the length of a lease lock. */
        Builder lease(Duration lease) {
            this.lease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        /**
         * Checks every setting and builds the migrator.
         *
         * @throws ConfigurationException naming each bad setting
         */
        public Migrator build() {
            List<String> problems = new ArrayList<>();
            if (target == null) {
                problems.add("target is required: call target(JdbcTarget.of(dataSource)) or target(MongoTarget.of(...))");
            }
            boolean defaultLocations = locations == null;
            List<String> locs = defaultLocations
                    ? List.of(target == null ? DEFAULT_LOCATION : target.defaultLocation()) : locations;
            for (String l : locs) {
                if (l != null && l.indexOf('\0') >= 0) {
                    problems.add("locations: '" + l.replace('\0', '?') + "' holds a NUL character, which no path "
                            + "may hold; check how the setting is built");
                } else if (l == null || l.isBlank() || l.equals(ResourceScanner.FILESYSTEM) || l.equals(ResourceScanner.CLASSPATH)) {
                    problems.add("locations: '" + l + "' names no path; write classpath:db/migration or filesystem:/path");
                } else if (l.matches("^[a-zA-Z]{2,}:.*") && !l.startsWith(ResourceScanner.CLASSPATH)
                        && !l.startsWith(ResourceScanner.FILESYSTEM)) {
                    problems.add("locations: '" + l + "' has an unknown prefix; use classpath: or filesystem:");
                }
            }
            if (!IDENTIFIER.matcher(historyTable).matches()) {
                problems.add("historyTable: '" + historyTable + "' is not a plain identifier (letters, digits, _; "
                        + "at most 63 characters)");
            }
            if (historyTable.equalsIgnoreCase(LOCK_TABLE)) {
                problems.add("historyTable: '" + historyTable + "' is the name of the lock table, which migrator "
                        + "keeps next to the history; choose another name");
            }
            if (installedBy != null && installedBy.indexOf('\0') >= 0) {
                problems.add("installedBy: the value holds a NUL character, which the history cannot store; check how "
                        + "the setting is built");
            }
            if (schema != null && !IDENTIFIER.matcher(schema).matches()) {
                problems.add("schema: '" + schema + "' is not a plain identifier (letters, digits, _; at most 63 "
                        + "characters)");
            }
            if (lockTimeout.isNegative() || lockTimeout.isZero()) {
                problems.add("lockTimeout: " + lockTimeout + " must be positive");
            }
            if (ddlLockTimeout.isNegative()) {
                problems.add("ddlLockTimeout: " + ddlLockTimeout + " must not be negative (ZERO keeps the database's "
                        + "own setting)");
            }
            if (statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.isZero())) {
                problems.add("statementTimeout: " + statementTimeout + " must be positive");
            }
            if (ddlRetries < 0) {
                problems.add("ddlRetries: " + ddlRetries + " must not be negative");
            }
            if (lease.toMillis() < 150) {
                problems.add("lease: " + lease + " must be at least 150 ms");
            }
            placeholders.forEach((k, v) -> {
                if (k == null || k.isBlank() || v == null) {
                    problems.add("placeholders: '" + k + "' needs a name and a non-null value");
                }
            });
            for (Migration<?> m : migrations) {
                if (m == null) {
                    problems.add("migrations: a migration is null");
                }
            }
            if (adoptOnMigrate != null && !ForeignTools.NAMES.contains(adoptOnMigrate)) {
                problems.add("adoptOnMigrate: '" + adoptOnMigrate + "' is not a tool migrator adopts from: use one of "
                        + String.join(", ", ForeignTools.NAMES));
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("The migrator is not configured right", problems);
            }
            String by = installedBy != null ? installedBy : System.getProperty("user.name", "unknown");
            ClassLoader loader = classLoader != null ? classLoader
                    : Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : Migrator.class.getClassLoader();
            Map<String, String> values = new LinkedHashMap<>(placeholders);
            values.putIfAbsent("migrator:historyTable", historyTable);
            if (schema != null) {
                values.putIfAbsent("migrator:schema", schema);
            }
            return new Migrator(new MigratorConfig(target, locs, defaultLocations, migrations, values,
                    replacePlaceholders, historyTable, schema, lockTimeout, outOfOrder, RunEvents.wrap(listener), by,
                    clock, lease, loader, new TargetSettings.Execution(ddlLockTimeout.isZero() ? null : ddlLockTimeout,
                    statementTimeout, ddlRetries), lint, adoptOnMigrate));
        }
    }
}
