package dev.migrator.cli;

import java.util.Locale;

/**
 * The long options. Each may also come from the environment ({@code MIGRATOR_<NAME>}, such as
 * {@code MIGRATOR_LOCK_TIMEOUT}) or from the {@code --config} properties file (key = the option's name, such as
 * {@code lock-timeout}); a flag wins over the environment, which wins over the file.
 */
enum Option {
    URL("url", "URL", "jdbc:postgresql://host:5432/db, jdbc:h2:./data/app, mongodb://host:27017/db, ..."),
    USER("user", "NAME", "The database user."),
    PASSWORD_ENV("password-env", "VAR", "Read the password from environment variable VAR (default MIGRATOR_PASSWORD, "
            + "when set). There is no --password: a value on the command line shows in ps and shell history."),
    PASSWORD_FILE("password-file", "PATH", "Read the password from a file (a mounted secret); one trailing "
            + "newline is ignored."),
    LOCATIONS("locations", "LOC[,LOC]", "Where the migrations are: filesystem:PATH or classpath:PATH (jars on "
            + "--driver-path). Default filesystem:db/migration (filesystem:db/mongo for MongoDB), relative to the "
            + "working directory."),
    TO("to", "VERSION", "migrate: stop after VERSION. rollback: undo everything newer than VERSION. baseline: the "
            + "version to record.", true),
    COUNT("count", "N", "rollback: how many of the most recent migrations to undo.", true),
    DRY_RUN("dry-run", null, "rollback: print the downs that would run, as one reviewable script, checked as the "
            + "rollback would be. Runs, locks and creates nothing.", true),
    LOCK_TIMEOUT("lock-timeout", "SECONDS", "How long to wait for another instance's migration lock before exit "
            + "status 4 (default 600)."),
    LOCK("lock", "session|lease", "The migration lock: session, the database's own (PostgreSQL advisory lock, MySQL "
            + "GET_LOCK, SQL Server sp_getapplock, Oracle DBMS_LOCK; the default), or lease, a fenced row in "
            + "migrator_lock, for a pooler in transaction mode (PgBouncer). MongoDB's lock is always a lease."),
    SCHEMA("schema", "NAME", "The schema that holds the history and where migrations run (MongoDB: the database)."),
    TABLE("table", "NAME", "The history table (default migrator_history)."),
    INSTALLED_BY("installed-by", "NAME", "Who is recorded as having run the migrations (default the OS user)."),
    PLACEHOLDER("placeholder", "NAME=VALUE", "A value for ${NAME} in scripts; repeat for more. Environment: "
            + "MIGRATOR_PLACEHOLDER_<NAME>=VALUE; config file: placeholder.<NAME>=VALUE."),
    OUT_OF_ORDER("out-of-order", null, "Apply a pending migration below the latest applied version."),
    DRIVER_PATH("driver-path", "JAR[,JAR]", "Jar files, or directories of jars, holding more JDBC drivers (Oracle "
            + "ojdbc11.jar) and classpath: migrations."),
    CONFIG("config", "FILE", "A properties file of options: url=..., lock-timeout=60, placeholder.env=prod. Or a "
            + "Flyway flyway.conf or flyway.toml (docs/flyway-habits.md)."),
    JSON("json", null, "Print exactly one JSON document on standard output (see docs/json-report.md); logs go "
            + "to standard error."),
    METRICS_FILE("metrics-file", "PATH", "migrate, rollback: write the run's metrics in Prometheus text format to "
            + "PATH (replaced atomically), for node_exporter's textfile collector; see docs/observability.md."),
    PUSHGATEWAY("pushgateway", "URL", "migrate, rollback: push the run's metrics to a Prometheus Pushgateway "
            + "(job migrator, grouped by target); credentials in the URL are sent, never printed."),
    HELP("help", null, "Print this help and exit."),
    VERSION("version", null, "Print the version and exit."),
    ALLOW_EMPTY("allow-empty", null, "Let a location that holds no migration pass; without it, such a location "
            + "fails the command (exit status 2), naming the absolute path it resolved to."),
    QUIET("quiet", null, "Print warnings and errors only on standard error (the report on standard output is "
            + "unchanged)."),
    LOG_FORMAT("log-format", "text|json", "Standard error: one line per migration, as text (the default) or as JSON "
            + "events (the default with --json; keys in docs/json-report.md), never both."),
    MARK_APPLIED("mark-applied", "VERSION", "repair: record VERSION, left FAILED or unfinished, as applied because you "
            + "finished it by hand (with --reason); it never runs again. Without it, repair clears the failure and the "
            + "next migrate runs the migration again.", true),
    REASON("reason", "TEXT", "repair --mark-applied: why, kept in the history row.", true),
    FAIL_ON("fail-on", "LEVEL", "lint: exit status 5 at findings of this level or worse: error (the default) or "
            + "warning.", true),
    SARIF("sarif", "FILE", "lint: also write the findings to FILE as SARIF 2.1.0, for GitHub code scanning.", true),
    // Fleets (docs/fleet.md): taken by the commands FleetCommand.COMMANDS names; --url becomes the default URL.
    TARGETS("targets", "FILE", "Run against every target of a YAML or JSON file (name, url, user, password-env or "
            + "password-file, schema, group, placeholders); see docs/fleet.md.", true),
    TARGETS_QUERY("targets-query", "SQL", "Read the targets from a registry database instead: a query returning "
            + "the columns name, url, user, password_env, password_file, schema, group, placeholder_<NAME>.", true),
    REGISTRY_URL("registry-url", "URL", "The JDBC URL of the registry database --targets-query reads, as --user "
            + "with the password of --password-env or --password-file.", true),
    PARALLEL("parallel", "N", "Fleets: how many targets run at once (default 1).", true),
    CANARY("canary", "NAME[,NAME]|N", "Fleets: run these targets (or the first N) first; if one fails, nothing "
            + "else starts.", true),
    ON_ERROR("on-error", "stop|continue|max=K", "Fleets: stop starting targets at the first failure (stop, the "
            + "default), never (continue), or once K have failed.", true),
    SHARD("shard", "I/N", "Fleets: only the targets whose name hashes to shard I of N (0 <= I < N); with N alone, "
            + "I is taken from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job).", true),
    TARGET_TIMEOUT("target-timeout", "SECONDS", "Fleets: fail a target that takes longer (default no limit).", true),
    OFFLINE("offline", null, "validate: check the files against migrator.sum, with no database.", true),
    URL_B("url-b", "URL", "diff: the other database, reached with the same --user and password.",
            true),
    AGAINST_MIGRATIONS("against-migrations", null, "diff: compare with what the migrations produce in a scratch "
            + "schema of the same database, dropped afterwards.", true),
    // Adoption (docs/migrating-from-flyway.md, docs/migrating-from-liquibase.md).
    FROM("from", "TOOL", "adopt: the tool whose history to take over: flyway, liquibase, alembic, django, knex or "
            + "sequelize.", true),
    FROM_TABLE("from-table", "NAME", "adopt: read this table instead of the tool's default (such as Flyway's old "
            + "schema_version; schema.table for another schema).", true),
    TOOL("tool", "TOOL", "exec: the tool whose command runs after --, and whose history is read before and after: "
            + "alembic, django, knex, sequelize, flyway or liquibase.", true);

    /** The environment variable prefix: {@code MIGRATOR_URL}, {@code MIGRATOR_PLACEHOLDER_<NAME>}. */
    static final String ENV_PREFIX = "MIGRATOR_";

    private final String name;
    private final String valueName;
    private final String help;
    private final boolean commandSpecific;

    Option(String name, String valueName, String help) {
        this(name, valueName, help, false);
    }

    Option(String name, String valueName, String help, boolean commandSpecific) {
        this.name = name;
        this.valueName = valueName;
        this.help = help;
        this.commandSpecific = commandSpecific;
    }

    /** The long name without dashes, also the config-file key. */
    String longName() {
        return name;
    }

    /** The flag as typed: {@code --lock-timeout}. */
    String flag() {
        return "--" + name;
    }

    /** What the value is called in the help, or {@code null} for a flag without a value. */
    String valueName() {
        return valueName;
    }

    boolean takesValue() {
        return valueName != null;
    }

    String help() {
        return help;
    }

    /** Whether only some commands take it (see {@link Command#takes}). */
    boolean commandSpecific() {
        return commandSpecific;
    }

    /** {@code MIGRATOR_LOCK_TIMEOUT} for {@code --lock-timeout}. */
    String environmentVariable() {
        return ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Whether the environment and the config file may set it: not --help, --version, nor --config in the file. */
    boolean configurable() {
        return this != HELP && this != VERSION;
    }

    /** The option for a name typed after {@code --}, or {@code null}. */
    static Option byName(String name) {
        for (Option o : values()) {
            if (o.name.equals(name)) {
                return o;
            }
        }
        return null;
    }
}
