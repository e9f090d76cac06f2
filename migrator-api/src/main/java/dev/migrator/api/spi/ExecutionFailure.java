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
    private final Stage stage;
    private final int statementCount;
    private final int committed;
    private final String sessionEnded;

    /** What the target was doing when the migration failed. */
    public enum Stage {
        /** Writing the STARTED row or preparing the connection: nothing of the migration had run yet. */
        PREPARING,
        /** Running the migration's statements or Java code. */
        RUNNING,
        /** Writing the migration's history row, after its statements succeeded. */
        RECORDING,
        /** Committing the migration with its history row. */
        COMMITTING
    }

    /**
     * @param cause          the database's or the Java code's error
     * @param statementIndex the 0-based index of the failing statement, -1 for Java code
     * @param line           the 1-based line of the failing statement, 0 when unknown
     * @param statement      the failing statement's text, or {@code null}
     * @param leftChanges    whether part of the migration stayed applied after the target rolled back what it could
     */
    public ExecutionFailure(Throwable cause, int statementIndex, int line, String statement, boolean leftChanges) {
        this(cause, statementIndex, line, statement, leftChanges, Stage.RUNNING, 0, leftChanges ? -1 : 0, null);
    }

    /**
     * @param cause          the database's or the Java code's error
     * @param statementIndex the 0-based index of the failing statement, -1 for Java code or outside a statement
     * @param line           the 1-based line of the failing statement, 0 when unknown
     * @param statement      the failing statement's text, or {@code null}
     * @param leftChanges    whether part of the migration stayed applied after the target rolled back what it could
     * @param stage          what the target was doing
     * @param statementCount how many statements the script has (0 for Java code)
     * @param committed      how many of its statements are committed and stay applied; -1 when unknown (Java code)
     * @param sessionEnded   why the database session running the migration ended (the server ended it, the
     *                       connection was lost), or {@code null} while it is alive
     */
    public ExecutionFailure(Throwable cause, int statementIndex, int line, String statement, boolean leftChanges,
                            Stage stage, int statementCount, int committed, String sessionEnded) {
        super(cause == null ? "failed" : String.valueOf(cause.getMessage()), cause);
        this.statementIndex = statementIndex;
        this.line = line;
        this.statement = statement;
        this.leftChanges = leftChanges;
        this.stage = stage;
        this.statementCount = statementCount;
        this.committed = committed;
        this.sessionEnded = sessionEnded;
    }

    /** What the target was doing when it failed. */
    public Stage stage() {
        return stage;
    }

    /** How many statements the script has; 0 for Java code. */
    public int statementCount() {
        return statementCount;
    }

    /** How many statements committed and stay applied; -1 when unknown. */
    public int committed() {
        return committed;
    }

    /** Why the session running the migration ended, or {@code null} when it is still alive. */
    public String sessionEnded() {
        return sessionEnded;
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
