package dev.migrator.api;

import java.util.List;

/**
 * The database and the migrations disagree: an applied script was edited, a migration failed earlier and was not
 * repaired, an applied migration is missing, a migration was added below the latest applied version, or a rollback
 * cannot start. Nothing was changed.
 */
public final class ValidationException extends MigratorException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    /** Creates one naming every problem found. */
    public ValidationException(String heading, List<String> problems) {
        super(heading + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each naming the migration and what to do. */
    public List<String> problems() {
        return problems;
    }
}
