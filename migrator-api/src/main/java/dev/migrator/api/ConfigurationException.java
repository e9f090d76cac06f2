package dev.migrator.api;

import java.util.List;

/**
 * The configuration or the migrations as written cannot be used: a bad setting, two migrations with one version, a
 * malformed file name, an unknown placeholder, a script that cannot be parsed. Thrown before anything touches the
 * database.
 */
public final class ConfigurationException extends MigratorException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    /** One problem. */
    public ConfigurationException(String message) {
        this(message, (Throwable) null);
    }

    /** One problem, with its cause. */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /** Several problems, each a line, under a heading. */
    public ConfigurationException(String heading, List<String> problems) {
        super(heading + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem. */
    public List<String> problems() {
        return problems;
    }
}
