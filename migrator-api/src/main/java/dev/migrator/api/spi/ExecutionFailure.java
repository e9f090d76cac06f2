package dev.migrator.api.spi;

/**
 * A migration failed while a target ran it. The engine turns it into a {@code MigrationFailedException} and records
 * the attempt.
 */
public final class ExecutionFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final int statementIndex;
    private final int line;
    private final String statement;
    private final boolean leftChanges;

    /**
     * @param cause          the database's or the Java code's error
     * @param statementIndex the 0-based index of the failing statement, -1 for Java code
     * @param line           the 1-based line of the failing statement, 0 when unknown
     * @param statement      the failing statement's text, or {@code null}
     * @param leftChanges    whether part of the migration stayed applied after the target rolled back what it could
     */
    public ExecutionFailure(Throwable cause, int statementIndex, int line, String statement, boolean leftChanges) {
        super(cause == null ? "failed" : String.valueOf(cause.getMessage()), cause);
        this.statementIndex = statementIndex;
        this.line = line;
        this.statement = statement;
        this.leftChanges = leftChanges;
    }

    /** The 0-based index of the failing statement, -1 for Java code. */
    public int statementIndex() {
        return statementIndex;
    }

    /** The 1-based line of the failing statement, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The failing statement, or {@code null}. */
    public String statement() {
        return statement;
    }

    /** Whether part of the migration stayed applied. */
    public boolean leftChanges() {
        return leftChanges;
    }
}
