package dev.migrator.cli;

import dev.migrator.core.ExecResult;
import dev.migrator.core.Migrator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code exec --tool TOOL --url URL [options] -- COMMAND [ARGS...]}: runs another tool's migration command under
 * migrator's lock and records it ({@link Migrator#exec}). Everything after the first lone {@code --} is the tool's
 * command, passed on untouched: its own options are never read as migrator's. Exit status 0 when the command
 * succeeded, 1 when it failed, 4 when another instance held the lock too long (the command did not run).
 */
final class ExecCommand {
    static final String SEPARATOR = "--";

    private ExecCommand() {
    }

    /**
     * Whether exec runs without locations: no {@code --locations} was given and the working directory has no
     * {@code db/migration}, as in a Knex or Alembic project. exec then compares the rows of the tool's table before
     * and after (docs/other-tools.md) instead of failing on a default location that is not there.
     */
    static boolean withoutLocations(Settings settings, List<String> defaultLocations) {
        return settings.command() == Command.EXEC && settings.locations().isEmpty()
                && defaultLocations.stream().noneMatch(l -> l.startsWith("filesystem:")
                && Files.isDirectory(Path.of(l.substring("filesystem:".length()))));
    }

    /** The arguments migrator reads: those before the first lone {@code --}. */
    static String[] ownArguments(String[] args) {
        int at = Arrays.asList(args).indexOf(SEPARATOR);
        return at < 0 ? args : Arrays.copyOfRange(args, 0, at);
    }

    /** The tool's command: the arguments after the first lone {@code --}; null when there is no {@code --}. */
    static List<String> toolCommand(String[] args) {
        int at = Arrays.asList(args).indexOf(SEPARATOR);
        return at < 0 ? null : List.of(Arrays.copyOfRange(args, at + 1, args.length));
    }

    /**
     * Whether {@code command} is exec.
     *
     * @throws UsageException when another command is given a tool command after {@code --}
     */
    static boolean handles(Command command, List<String> toolCommand) {
        if (command == Command.EXEC) {
            return true;
        }
        if (toolCommand != null) {
            throw new UsageException("only exec runs a command given after --; " + command.word() + " takes none",
                    command);
        }
        return false;
    }

    static Report run(Migrator migrator, Arguments arguments, List<String> toolCommand) {
        String tool = arguments.value(Option.TOOL);
        if (tool == null) {
            throw new UsageException("exec needs --tool TOOL, the tool whose history the command changes: alembic, "
                    + "django, knex, sequelize, flyway or liquibase", Command.EXEC);
        }
        if (toolCommand == null || toolCommand.isEmpty()) {
            throw new UsageException("exec needs the tool's command after --, such as: exec --tool knex --url URL "
                    + "-- npx knex migrate:latest", Command.EXEC);
        }
        ExecResult r = migrator.exec(tool, toolCommand);
        return new Report(r.toJson(), text(r), r.succeeded() ? ErrorCode.SUCCESS
                : ErrorCode.MIGRATION_FAILED.exitStatus());
    }

    private static String text(ExecResult r) {
        return r.tool() + " exec on " + r.target() + ": " + r.command() + "\n"
                + (r.succeeded() ? "Succeeded" : "FAILED with exit status " + r.exitCode()) + " in "
                + r.duration().toMillis() + " ms, under migrator's lock.\n"
                + "Applied: " + (r.applied().isEmpty() ? "nothing" : String.join(", ", r.applied())) + "\n"
                + (r.undone().isEmpty() ? "" : "Undone: " + String.join(", ", r.undone()) + "\n");
    }
}
