package dev.migrator.api;

/**
 * A migration (or its down) failed while running. The message names the migration, the script, the line and the
 * failing statement, and says what the database was left with and what to do next.
 */
public final class MigrationFailedException extends MigratorException {
    private static final long serialVersionUID = 1L;
    private final String version;
    private final String script;
    private final int line;
    private final String statement;
    private final boolean leftChanges;
    private final int statementNumber;
    private final int statementCount;
    private final int committedStatements;

    /**
     * @param version     the migration's version, {@code null} for a repeatable
     * @param script      the file name or class name
     * @param line        the 1-based line of the failing statement in the script, 0 when unknown (Java migrations)
     * @param statement   the failing statement, shortened, or {@code null}
     * @param leftChanges whether part of the migration stayed applied (no transaction could undo it)
     */
    public MigrationFailedException(String message, Throwable cause, String version, String script, int line,
                                    String statement, boolean leftChanges) {
        this(message, cause, version, script, line, statement, leftChanges, 0, 0, 0);
    }

    /**
     * As above, with where in its script it failed, for databases whose DDL commits at once: the statements before
     * the failing one may have stayed applied.
     *
     * @param statementNumber     the 1-based number of the failing statement, 0 when unknown
     * @param statementCount      how many statements the script has, 0 when unknown
     * @param committedStatements how many of its first statements were committed and stayed applied
     */
    public MigrationFailedException(String message, Throwable cause, String version, String script, int line,
                                    String statement, boolean leftChanges, int statementNumber, int statementCount,
                                    int committedStatements) {
        super(message, cause);
        this.version = version;
        this.script = script;
        this.line = line;
        this.statement = statement;
        this.leftChanges = leftChanges;
        this.statementNumber = statementNumber;
        this.statementCount = statementCount;
        this.committedStatements = committedStatements;
    }

    /** The 1-based number of the failing statement in its script, 0 when unknown (Java migrations). */
    public int statementNumber() {
        return statementNumber;
    }

    /** How many statements the script has, 0 when unknown. */
    public int statementCount() {
        return statementCount;
    }

    /**
     * How many of the script's first statements were committed and stayed applied: on databases whose DDL commits at
     * once (MySQL/MariaDB, Oracle, H2), statements {@code 1..committedStatements()}; 0 when nothing stayed.
     */
    public int committedStatements() {
        return committedStatements;
    }

    /** The failed migration's version, {@code null} for a repeatable migration. */
    public String version() {
        return version;
    }

    /** The script file name, or the class name of a Java migration. */
    public String script() {
        return script;
    }

    /** The 1-based line of the failing statement in its script, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The failing statement (shortened), or {@code null} for a Java migration. */
    public String statement() {
        return statement;
    }

    /**
     * Whether part of the migration stayed applied: {@code true} where the database could not roll it back (DDL on
     * MySQL/MariaDB or Oracle, a script run outside a transaction). The history then says FAILED until
     * {@code repair()}.
     */
    public boolean leftChanges() {
        return leftChanges;
    }
}
