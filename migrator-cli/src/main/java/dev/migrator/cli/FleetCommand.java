package dev.migrator.cli;

import dev.migrator.core.Fleet;
import dev.migrator.core.FleetErrorPolicy;
import dev.migrator.core.FleetOutcome;
import dev.migrator.core.FleetResult;
import dev.migrator.core.FleetTarget;
import dev.migrator.core.FleetTargetResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A command run on a fleet ({@code --targets FILE} or {@code --targets-query SQL}): reads the targets, keeps this
 * shard's, runs the command on each through {@link Fleet}, shows progress on standard error and prints one report.
 */
final class FleetCommand {
    /** The commands that run on a fleet; rollback, baseline and repair are decisions about one database. */
    static final Set<Command> COMMANDS = EnumSet.of(Command.MIGRATE, Command.INFO, Command.VALIDATE, Command.PLAN,
            Command.LINT);
    /** The options of fleets: flags or {@code MIGRATOR_<OPTION>}, never the config file. */
    static final Set<Option> OPTIONS = EnumSet.of(Option.TARGETS, Option.TARGETS_QUERY, Option.REGISTRY_URL,
            Option.PARALLEL, Option.CANARY, Option.ON_ERROR, Option.SHARD, Option.TARGET_TIMEOUT);
    /** Set by Kubernetes in each pod of an Indexed Job: 0, 1, ... */
    static final String JOB_COMPLETION_INDEX = "JOB_COMPLETION_INDEX";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Consumer<String> secrets;
    private Arguments args;

    FleetCommand(Map<String, String> env, PrintStream out, PrintStream err, Consumer<String> secrets) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.secrets = secrets;
    }

    /** Whether {@code command} takes {@code option} as a fleet option. */
    static boolean takes(Command command, Option option) {
        return COMMANDS.contains(command) && OPTIONS.contains(option);
    }

    /** Whether the command line asks for a fleet. */
    static boolean requested(Arguments args, Map<String, String> env) {
        return args.has(Option.TARGETS) || args.has(Option.TARGETS_QUERY)
                || env.get(Option.TARGETS.environmentVariable()) != null
                || env.get(Option.TARGETS_QUERY.environmentVariable()) != null;
    }

    /** Runs the command on every target of this shard and returns the exit status. */
    int run(Arguments arguments, Settings settings) {
        this.args = arguments;
        Command command = settings.command();
        if (command == Command.DIFF) {
            return diff(settings);
        }
        if (!COMMANDS.contains(command)) {
            throw new UsageException(command.word() + " runs on one database, not on a fleet: give --url, not "
                    + "--targets or --targets-query", command);
        }
        if (settings.metricsFile() != null || settings.sarif() != null) {
            throw new UsageException((settings.sarif() != null ? "--sarif" : "--metrics-file") + " is for one "
                    + "target; a fleet's figures per target are in its --json report", command);
        }
        int[] shard = shard();
        int parallel = positive(Option.PARALLEL, Fleet.Builder.DEFAULT_PARALLELISM);
        FleetErrorPolicy onError = onError();
        Integer timeout = value(Option.TARGET_TIMEOUT) == null ? null : positive(Option.TARGET_TIMEOUT, 0);
        ClassLoader loader = DriverPath.load(settings.driverPath());

        List<FleetTargets.Entry> all = read(settings);
        List<FleetTargets.Entry> entries = shard == null ? all : FleetTargets.shard(all, shard[0], shard[1]);
        List<FleetTarget> targets = new ArrayList<>();
        for (FleetTargets.Entry e : entries) {
            String password = e.password() == null ? null : e.password().reveal();
            if (password != null) {
                secrets.accept(password);
            }
            CliSecrets.ofUrl(e.url()).forEach(secrets);
            FleetTarget t = FleetTarget.of(e.name(), LockChoice.apply(e.lockOr(settings.lock()),
                    JdbcTarget.of(Targets.jdbcUrl(e.url()), e.user(), password)))
                    .placeholders(e.placeholders());
            t = e.schema() == null ? t : t.schema(e.schema());
            targets.add(e.group() == null ? t : t.group(e.group()));
        }
        Fleet.Builder builder = Fleet.builder()
                .template(Cli.builder(settings, Migrator.Builder.DEFAULT_LOCATION, loader, null))
                .targets(targets).parallelism(parallel).onError(onError)
                .canary(canary(all, entries).toArray(String[]::new))
                .onResult(progress(targets.size()));
        if (timeout != null) {
            builder.targetTimeout(Duration.ofSeconds(timeout));
        }
        Fleet fleet = builder.build();
        err.println("migrator " + command.word() + ": " + targets.size() + " of " + all.size() + " targets"
                + (shard == null ? "" : " (shard " + shard[0] + "/" + shard[1] + ")") + ", parallel " + parallel
                + ", on error " + onError);
        FleetResult result = fleet.run(command.word(), operation(settings));
        err.println(result.summary());
        FleetReport report = new FleetReport(result, shard);
        out.print(settings.json() ? report.json() + "\n" : report.text());
        return report.exitStatus();
    }

    /** {@code diff --targets FILE}: the file's two targets against each other. */
    private int diff(Settings settings) {
        ClassLoader loader = DriverPath.load(settings.driverPath());
        List<FleetTargets.Entry> entries = read(settings);
        List<Migrator> migrators = new ArrayList<>();
        for (FleetTargets.Entry e : entries) {
            String password = e.password() == null ? null : e.password().reveal();
            if (password != null) {
                secrets.accept(password);
            }
            CliSecrets.ofUrl(e.url()).forEach(secrets);
            Migrator.Builder b = Cli.builder(settings, Migrator.Builder.DEFAULT_LOCATION, loader, null)
                    .target(LockChoice.apply(e.lockOr(settings.lock()),
                            JdbcTarget.of(Targets.jdbcUrl(e.url()), e.user(), password)));
            migrators.add((e.schema() == null ? b : b.schema(e.schema())).build());
        }
        Report report = DiffCommand.betweenTargets(migrators, entries.stream().map(FleetTargets.Entry::name).toList(),
                settings);
        out.print(settings.json() ? report.json() + "\n" : report.text());
        return report.exitStatus();
    }

    /** What runs on each target: core's own results for migrate and info, the single-target report otherwise. */
    private static Function<Migrator, ?> operation(Settings settings) {
        switch (settings.command()) {
            case MIGRATE:
                return m -> settings.to() == null ? m.migrate() : m.migrateTo(settings.to());
            case INFO:
                return Migrator::info;
            default:
                return m -> Commands.run(m, settings, m.target().toString());
        }
    }

    private List<FleetTargets.Entry> read(Settings settings) {
        FleetTargets.Defaults defaults = new FleetTargets.Defaults(settings.url(), settings.user(),
                settings.password());
        String file = value(Option.TARGETS);
        String query = value(Option.TARGETS_QUERY);
        if (file != null && query != null) {
            throw new UsageException("give either --targets FILE or --targets-query SQL, not both", args.command());
        }
        if (file != null) {
            return FleetTargets.fromFile(Paths.get(file), defaults, env);
        }
        String registry = value(Option.REGISTRY_URL);
        if (registry == null) {
            throw new UsageException("--targets-query needs --registry-url: the JDBC URL of the database it reads",
                    args.command());
        }
        return FleetTargets.fromQuery(registry, query, defaults, env);
    }

    /** {@code I/N}, or {@code N} with I from {@code JOB_COMPLETION_INDEX}; {@code null} without --shard. */
    private int[] shard() {
        String text = value(Option.SHARD);
        if (text == null) {
            return null;
        }
        String index = text.contains("/") ? text.substring(0, text.indexOf('/')).trim() : env.get(JOB_COMPLETION_INDEX);
        String count = text.contains("/") ? text.substring(text.indexOf('/') + 1).trim() : text.trim();
        if (index == null) {
            throw new UsageException("--shard " + text + " names no shard index and " + JOB_COMPLETION_INDEX
                    + " is not set: write --shard I/N (0 <= I < N)", args.command());
        }
        try {
            int i = Integer.parseInt(index.trim());
            int n = Integer.parseInt(count);
            if (n >= 1 && i >= 0 && i < n) {
                return new int[]{i, n};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--shard '" + text + "'" + (text.contains("/") ? "" : " with " + JOB_COMPLETION_INDEX
                + "=" + index) + " is not a shard: write I/N, whole numbers with 0 <= I < N, such as 0/4",
                args.command());
    }

    private FleetErrorPolicy onError() {
        String text = value(Option.ON_ERROR);
        if (text == null || text.equals("stop")) {
            return FleetErrorPolicy.stop();
        }
        if (text.equals("continue")) {
            return FleetErrorPolicy.continueAll();
        }
        if (text.startsWith("max=")) {
            try {
                int k = Integer.parseInt(text.substring(4).trim());
                if (k >= 1) {
                    return FleetErrorPolicy.maxFailures(k);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new UsageException("--on-error '" + text + "': write stop, continue, or max=K with K at least 1",
                args.command());
    }

    /** The canaries of this shard: names (which must be targets of the fleet), or the first N of this shard. */
    private List<String> canary(List<FleetTargets.Entry> all, List<FleetTargets.Entry> mine) {
        String text = value(Option.CANARY);
        if (text == null) {
            return List.of();
        }
        Set<String> allNames = new LinkedHashSet<>();
        all.forEach(e -> allNames.add(e.name()));
        if (text.trim().matches("\\d+") && !allNames.contains(text.trim())) {
            int n = Integer.parseInt(text.trim());
            return mine.stream().limit(n).map(FleetTargets.Entry::name).toList();
        }
        List<String> names = new ArrayList<>();
        for (String part : text.split(",")) {
            String name = part.trim();
            if (!allNames.contains(name)) {
                throw new UsageException("--canary: '" + name + "' is not the name of a target; name targets, or "
                        + "give a number N for the first N", args.command());
            }
            if (mine.stream().anyMatch(e -> e.name().equals(name))) {
                names.add(name);
            }
        }
        return names;
    }

    /** One line per target on standard error; on a terminal, a live count, and a line for each failure only. */
    private Consumer<FleetTargetResult> progress(int total) {
        boolean live = System.console() != null && err == System.err;
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        return r -> {
            int n = done.incrementAndGet();
            if (r.outcome() == FleetOutcome.FAILED) {
                failed.incrementAndGet();
            }
            String line = "[" + n + "/" + total + "] " + FleetReport.line(r);
            synchronized (err) {
                if (!live) {
                    err.println(line);
                } else if (r.outcome() == FleetOutcome.FAILED) {
                    err.print("\r\033[K" + line + "\n");
                } else {
                    err.print("\r\033[K" + n + "/" + total + " done, " + failed.get() + " failed"
                            + (n == total ? "\n" : ""));
                }
            }
        };
    }

    private String value(Option option) {
        return args.has(option) ? args.value(option) : env.get(option.environmentVariable());
    }

    private int positive(Option option, int fallback) {
        String text = value(option);
        if (text == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option.flag() + " is '" + text + "'; it must be a whole number of at least 1",
                args.command());
    }
}
