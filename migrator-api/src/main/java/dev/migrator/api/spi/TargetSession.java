package dev.migrator.api.spi;

import dev.migrator.api.Migration;

/**
 * One run's connection to a target. Used by one thread at a time; closing it releases everything it holds.
 */
public interface TargetSession extends AutoCloseable {

    /** The database product and version and where it is, without credentials, for logs and reports. */
    String describe();

    /** The database user the session runs as, recorded in the history for audit. */
    String user();

    /** How this database is locked against other instances. */
    TargetLock lock();

    /** Where the history is kept. */
    HistoryStore history();

    /**
     * Parses a script (placeholders already replaced) into what {@link #run} executes. Does not touch the database.
     *
     * @param scriptName the file name, used in error messages
     * @throws dev.migrator.api.ConfigurationException naming the file and line when the script cannot be parsed
     */
    Executable prepareScript(String scriptName, String text);

    /**
     * Wraps a Java migration's {@code up} (or {@code down} when {@code undo}) into what {@link #run} executes.
     */
    Executable prepareJava(Migration<?> migration, boolean undo);

    /**
     * Runs one migration. Where {@link Executable#atomic()} holds, the migration and {@code successRecord} commit in
     * one transaction; otherwise the migration runs as it can and {@code successRecord} is appended when it is done.
     * In both cases a successful return means {@code successRecord} is stored.
     *
     * @throws ExecutionFailure when a statement or the Java code fails; the target has rolled back what it could and
     *                          says whether anything stayed applied
     */
    void run(Executable executable, HistoryRecord successRecord) throws ExecutionFailure;

    /** Captures the schema's objects, without the history and lock tables. */
    SchemaModel snapshot();

    /** How a statement is ended in a reviewable script: {@code ";"}, or {@code "\nGO"} for SQL Server. */
    default String statementTerminator() {
        return ";";
    }

    /** Releases the lock if held and closes connections. Never throws. */
    @Override
    void close();
}
