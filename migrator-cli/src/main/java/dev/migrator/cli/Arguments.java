package dev.migrator.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The command line as typed: the command and the options given as flags, before the environment and the config file
 * are consulted. Options go before or after the command, as {@code --name value} or {@code --name=value}.
 *
 * @param command the command, {@code null} when none was typed (only {@code --help} or {@code --version} then)
 * @param values  the values of each option given; {@code "true"} for a flag without a value
 */
record Arguments(Command command, Map<Option, List<String>> values) {
    Arguments {
        Map<Option, List<String>> copy = new EnumMap<>(Option.class);
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        values = Collections.unmodifiableMap(copy);
    }

    boolean has(Option option) {
        return values.containsKey(option);
    }

    /** The value of a single-valued option, or {@code null}. */
    String value(Option option) {
        List<String> v = values.get(option);
        return v == null ? null : v.get(0);
    }

    /** Every value of a repeatable option, in order. */
    List<String> all(Option option) {
        return values.getOrDefault(option, List.of());
    }

    /**
     * Reads the command line.
     *
     * @throws UsageException naming the first thing that cannot be understood; never echoing a password
     */
    static Arguments parse(String[] args) {
        Command command = null;
        Map<Option, List<String>> values = new EnumMap<>(Option.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i].equals("-h") ? "--help" : args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (name.equals("password")) {
                    // The value is never repeated back: it may be the real password.
                    throw new UsageException("--password is not accepted: a password on the command line shows in "
                            + "ps and in shell history. Put it in an environment variable and pass --password-env "
                            + "VAR, or in a file and pass --password-file PATH", command);
                }
                Option option = Option.byName(name);
                if (option == null) {
                    throw new UsageException("unknown option --" + name + "; see --help for the options", command);
                }
                String value;
                if (!option.takesValue()) {
                    if (inline != null) {
                        throw new UsageException(option.flag() + " takes no value", command);
                    }
                    value = "true";
                } else if (inline != null) {
                    value = inline;
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    throw new UsageException(option.flag() + " needs a value: " + option.flag() + " "
                            + option.valueName(), command);
                }
                List<String> list = values.computeIfAbsent(option, o -> new ArrayList<>());
                if (!list.isEmpty() && option != Option.PLACEHOLDER) {
                    throw new UsageException(option.flag() + " is given twice; give it once", command);
                }
                list.add(value);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option " + arg + "; options are written --name (see --help)",
                        command);
            } else if (command == null) {
                command = Command.byWord(arg);
                if (command == null) {
                    throw new UsageException("unknown command '" + arg + "'; the commands are " + commandList(),
                            null);
                }
            } else {
                throw new UsageException("unexpected argument '" + arg + "' after the command " + command.word()
                        + "; options are written --name value", command);
            }
        }
        if (command != null) {
            for (Option option : values.keySet()) {
                if (!command.takes(option)) {
                    throw new UsageException(option.flag() + " is not an option of " + command.word()
                            + "; it is taken by " + takers(option), command);
                }
            }
        }
        return new Arguments(command, values);
    }

    /** {@code migrate, info, ...}: for messages. */
    static String commandList() {
        StringJoiner words = new StringJoiner(", ");
        for (Command c : Command.values()) {
            words.add(c.word());
        }
        return words.toString();
    }

    private static String takers(Option option) {
        StringJoiner words = new StringJoiner(", ");
        for (Command c : Command.values()) {
            if (c.takes(option)) {
                words.add(c.word());
            }
        }
        return words.toString();
    }
}
