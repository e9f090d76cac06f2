package dev.migrator.cli;

import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.core.Migrator;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run of the command line: read the settings, open the target, run the command, print the report or the
 * failure, and return the exit status. Everything but the process (streams, environment, exit) is handed in, so that
 * tests can run it in-process.
 */
final class Cli {
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Consumer<String> secrets;

    /**
     * @param env     the environment variables
     * @param out     standard output: the report, and nothing else
     * @param err     standard error: messages for a human
     * @param secrets told the password as soon as it is read, to scrub it from both streams
     */
    Cli(Map<String, String> env, PrintStream out, PrintStream err, Consumer<String> secrets) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.secrets = secrets;
    }

    /** Runs the command line and returns the exit status. */
    int run(String[] all) {
        // exec's tool command (after a lone --) is the tool's own: none of it is read as migrator's.
        List<String> toolCommand = ExecCommand.toolCommand(all);
        String[] args = ExecCommand.ownArguments(all);
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        Command command = commandIn(args);
        String target = null;
        // Known before parsing, so that a command line that cannot be parsed still gets its JSON error document.
        MetricsFile metrics = null;
        Pushgateway pushgateway = null;
        boolean json = List.of(args).contains("--json")
                || "true".equalsIgnoreCase(env.get(Option.JSON.environmentVariable()));
        // rollback --dry-run reports as rollback-plan when it fails too, as when it succeeds.
        boolean dryRun = List.of(args).contains("--dry-run")
                || "true".equalsIgnoreCase(env.get(Option.DRY_RUN.environmentVariable()));
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                out.print(Usage.of(command));
                return ErrorCode.SUCCESS;
            }
            Arguments arguments = Arguments.parse(args);
            if (arguments.has(Option.VERSION)) {
                out.println("migrator " + version());
                return ErrorCode.SUCCESS;
            }
            if (command == null) {
                throw new UsageException("name a command: " + Arguments.commandList(), null);
            }
            Settings settings = SettingsReader.read(arguments, env);
            json = settings.json();
            CliSecrets.of(settings).forEach(secrets);
            if (FleetCommand.requested(arguments, env)) {
                return new FleetCommand(env, out, err, secrets).run(arguments, settings);
            }
            if (settings.pushgateway() != null) {
                pushgateway = Pushgateway.of(settings.pushgateway());
                if (pushgateway.password() != null && !pushgateway.password().isEmpty()) {
                    secrets.accept(pushgateway.password());
                }
            }
            metrics = settings.metricsFile() == null && pushgateway == null ? null
                    : new MetricsFile(settings.metricsFile(), java.time.Clock.systemUTC());
            if (settings.offlineCommand()) {
                Report report = IntegrityCommands.run(settings);
                out.print(json ? report.json() + "\n" : report.text());
                return report.exitStatus();
            }
            ClassLoader loader = DriverPath.load(settings.driverPath());
            // The jars of --driver-path are the context class loader too: H2 loads a Java function alias from it.
            Thread.currentThread().setContextClassLoader(loader);
            try (Targets.Opened opened = Targets.open(settings)) {
                target = opened.target().toString();
                Migrator migrator = migrator(settings, opened.target(), loader, metrics);
                EmptyLocations.check(migrator, settings);
                Report report = ExecCommand.handles(settings.command(), toolCommand)
                        ? ExecCommand.run(migrator, arguments, toolCommand) : Commands.run(migrator, settings, target);
                if (metrics != null) {
                    metrics.write();
                    push(pushgateway, metrics);
                }
                out.print(json ? report.json() + "\n" : report.text());
                return report.exitStatus();
            }
        } catch (RuntimeException | LinkageError e) {
            if (metrics != null) {
                try {
                    metrics.write();
                } catch (RuntimeException metricsFailure) {
                    e.addSuppressed(metricsFailure);
                }
                push(pushgateway, metrics);
            }
            return fail(command, target, e, json, command == Command.ROLLBACK && dryRun);
        } finally {
            Thread.currentThread().setContextClassLoader(contextLoader);
            out.flush();
            err.flush();
        }
    }

    /** Pushes the run's figures when asked; a failed push is reported on standard error and changes no exit status. */
    private void push(Pushgateway pushgateway, MetricsFile metrics) {
        if (pushgateway != null) {
            String problem = pushgateway.push(metrics.text(), metrics.target());
            if (problem != null) {
                err.println("WARNING: " + problem);
            }
        }
    }

    private static Migrator migrator(Settings s, MigrationTarget target, ClassLoader loader, MetricsFile metrics) {
        return builder(s, target.defaultLocation(), loader, metrics).target(target).build();
    }

    /** Every setting of a migrator but its target: also the template of a fleet's migrators. */
    static Migrator.Builder builder(Settings s, String defaultLocation, ClassLoader loader, MetricsFile metrics) {
        Migrator.Builder builder = Migrator.builder().classLoader(loader).outOfOrder(s.outOfOrder())
                .placeholders(s.placeholders());
        // A CLI has no application class path: the target's default location is read from the working directory.
        List<String> locations = s.locations().isEmpty()
                ? List.of("filesystem:" + defaultLocation.replaceFirst("^classpath:", "")) : s.locations();
        if (!ExecCommand.withoutLocations(s, locations)) {
            builder.locations(locations.toArray(String[]::new));
        }
        if (s.schema() != null) {
            builder.schema(s.schema());
        }
        if (s.table() != null) {
            builder.historyTable(s.table());
        }
        if (s.lockTimeout() != null) {
            builder.lockTimeout(s.lockTimeout());
        }
        if (s.installedBy() != null) {
            builder.installedBy(s.installedBy());
        }
        if (metrics != null) {
            builder.listener(metrics);
        }
        return builder;
    }

    private int fail(Command command, String target, Throwable failure, boolean json, boolean rollbackPlan) {
        if (command == null && failure instanceof UsageException u) {
            command = u.command();
        }
        ErrorCode code = ErrorCode.of(failure);
        err.println("migrator" + (command == null ? "" : " " + command.word()) + " failed (" + code
                + ", exit status " + code.exitStatus() + "): " + Messages.of(failure));
        for (Throwable suppressed : failure.getSuppressed()) {
            err.println("  and also: " + Messages.of(suppressed));
        }
        if (code == ErrorCode.USAGE) {
            err.println("See: java -jar migrator-cli.jar " + (command == null ? "" : command.word() + " ") + "--help");
        }
        if (code == ErrorCode.ERROR) {
            err.print(Messages.stackTrace(failure));
        }
        if (json) {
            out.println(JsonDocuments.failedOperation(rollbackPlan ? "rollback-plan" : command == null ? null : command.word(),
                    target, failure));
        }
        return code.exitStatus();
    }

    /** The first argument that names a command, or {@code null}: for help, and for errors before parsing ends. */
    private static Command commandIn(String[] args) {
        for (String arg : args) {
            Command c = Command.byWord(arg);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static String version() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
