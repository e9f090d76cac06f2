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
    SCHEMA("schema", "NAME", "The schema that holds the history and where migrations run (MongoDB: the database)."),
    TABLE("table", "NAME", "The history table (default migrator_history)."),
    INSTALLED_BY("installed-by", "NAME", "Who is recorded as having run the migrations (default the OS user)."),
    PLACEHOLDER("placeholder", "NAME=VALUE", "A value for ${NAME} in scripts; repeat for more. Environment: "
            + "MIGRATOR_PLACEHOLDER_<NAME>=VALUE; config file: placeholder.<NAME>=VALUE."),
    OUT_OF_ORDER("out-of-order", null, "Apply a pending migration below the latest applied version."),
    DRIVER_PATH("driver-path", "JAR[,JAR]", "Jar files, or directories of jars, holding more JDBC drivers (Oracle "
            + "ojdbc11.jar) and classpath: migrations."),
    CONFIG("config", "FILE", "A properties file of options: url=..., lock-timeout=60, placeholder.env=prod."),
    JSON("json", null, "Print exactly one JSON document on standard output (see docs/json-report.md); logs go "
            + "to standard error."),
    METRICS_FILE("metrics-file", "PATH", "migrate, rollback: write the run's metrics in Prometheus text format to "
            + "PATH (replaced atomically), for node_exporter's textfile collector; see docs/observability.md."),
    HELP("help", null, "Print this help and exit."),
    VERSION("version", null, "Print the version and exit."),
    FAIL_ON("fail-on", "LEVEL", "lint: exit status 5 at findings of this level or worse: error (the default) or "
            + "warning.", true),
    SARIF("sarif", "FILE", "lint: also write the findings to FILE as SARIF 2.1.0, for GitHub code scanning.", true),
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
