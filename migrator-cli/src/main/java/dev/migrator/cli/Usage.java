package dev.migrator.cli;

import java.util.ArrayList;
import java.util.List;

/** The text of {@code --help} and {@code <command> --help}. */
final class Usage {
    private static final int WIDTH = 100;
    private static final String EXIT_STATUS = """
            Exit status:
              0  done
              1  a migration failed, or the database failed under the run (history, lock, lost connection)
              2  bad usage or configuration; nothing was changed
              3  validation failed (or a rollback would cross a migration without a down)
              4  timed out waiting for another instance's migration lock, or lost the lock while migrating
              5  lint found risks at the level of --fail-on
              6  drift: the schema changed outside the migrations
            """;

    private Usage() {
    }

    /** The help of one command, or the general help when {@code command} is {@code null}. */
    static String of(Command command) {
        return command == null ? general() : command(command);
    }

    private static String general() {
        StringBuilder out = new StringBuilder();
        out.append("Usage: java -jar migrator-cli.jar <command> --url URL [options]\n\n")
                .append("Commands:\n");
        for (Command c : Command.values()) {
            out.append(wrap(String.format("  %-10s", c.word()), c.summary()));
        }
        out.append("\nOptions:\n");
        for (Option o : Option.values()) {
            if (!o.commandSpecific()) {
                out.append(option(o));
            }
        }
        out.append("\nCommand options (java -jar migrator-cli.jar <command> --help shows each command's):\n");
        for (Option o : Option.values()) {
            if (o.commandSpecific()) {
                out.append(option(o));
            }
        }
        out.append(wrap("", "Fleets: migrate, info, validate, plan and lint run on many databases or schemas with "
                + "--targets FILE or --targets-query SQL, and --parallel, --canary, --on-error, --shard; see "
                + "docs/fleet.md."));
        out.append('\n').append(sources()).append('\n').append(EXIT_STATUS);
        return out.toString();
    }

    private static String command(Command command) {
        StringBuilder out = new StringBuilder();
        out.append("Usage: java -jar migrator-cli.jar ").append(command.word()).append(" --url URL");
        for (Option o : Option.values()) {
            if (o.commandSpecific() && command.takes(o)) {
                out.append(" [").append(o.flag()).append(o.takesValue() ? " " + o.valueName() : "").append(']');
            }
        }
        out.append(" [options]\n\n").append(wrap("", command.summary())).append("\nOptions:\n");
        for (Option o : Option.values()) {
            if (command.takes(o)) {
                out.append(option(o));
            }
        }
        out.append('\n').append(sources()).append('\n').append(EXIT_STATUS);
        return out.toString();
    }

    private static String sources() {
        return wrap("", "Every option can also be set as an environment variable, MIGRATOR_<OPTION> (MIGRATOR_URL, "
                + "MIGRATOR_LOCK_TIMEOUT, ...), or as a key of the --config file (url=..., lock-timeout=...). A flag "
                + "wins over the environment, which wins over the file.");
    }

    private static String option(Option o) {
        String name = "  " + o.flag() + (o.takesValue() ? " " + o.valueName() : "");
        // A name as wide as the column (--on-error stop|continue|max=K) gets a line of its own, not glued to its help.
        return name.length() >= 27 ? name + "\n" + wrap(" ".repeat(28), o.help())
                : wrap(String.format("%-28s", name), o.help());
    }

    /** The text after {@code lead}, wrapped at {@link #WIDTH} and indented under its start. */
    private static String wrap(String lead, String text) {
        int indent = lead.isEmpty() ? 0 : Math.max(lead.length(), 28);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(lead);
        line.append(" ".repeat(Math.max(0, indent - line.length())));
        boolean first = true;
        for (String word : text.split(" ")) {
            if (!first && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder(" ".repeat(indent));
                first = true;
            }
            if (!first) {
                line.append(' ');
            }
            line.append(word);
            first = false;
        }
        lines.add(line.toString().stripTrailing());
        return String.join("\n", lines) + "\n";
    }
}
