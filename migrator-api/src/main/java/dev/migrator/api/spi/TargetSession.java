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

    /**
     * The schema that scripts run in (the connection's current schema), for Flyway's {@code ${flyway:defaultSchema}};
     * null where the target cannot tell.
     */
    default String currentSchema() {
        return null;
    }

    /** The database's name, for Flyway's {@code ${flyway:database}}; null where the target cannot tell. */
    default String databaseName() {
        return null;
    }

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
     * one transaction and {@code startedRecord} is null. Otherwise {@code startedRecord} must be durable before any
     * part of the migration can commit (so that a process killed midway leaves it behind), and
     * {@code successRecord} is stored when the migration is done. How is the target's choice: a database whose DDL
     * commits implicitly can insert the STARTED row in the open transaction and let the first DDL statement commit
     * it, which costs no commit of its own. A successful return means {@code successRecord} is stored.
     *
     * @param startedRecord the STARTED row, or null for an atomic executable
     * @param successRecord the row to store, or null for a script that is not a migration (a Flyway callback): it runs
     *                      the same way and leaves no history row
     * @throws ExecutionFailure when a statement or the Java code fails; the target has rolled back what it could and
     *                          says whether anything stayed applied
     */
    void run(Executable executable, HistoryRecord startedRecord, HistoryRecord successRecord) throws ExecutionFailure;

    /** Captures the schema's objects, without the history, lock and snapshot tables. */
    SchemaModel snapshot();

    /**
     * Where the snapshot of each run is kept for drift detection, or {@code null} where this target keeps none (the
     * default): runs then store no snapshot, and a drift check says the target cannot tell.
     */
    default SnapshotStore snapshots() {
        return null;
    }

    /** How a statement is ended in a reviewable script: {@code ";"}, or {@code "\nGO"} for SQL Server. */
    default String statementTerminator() {
        return ";";
    }

    /**
     * Describes the server session with this id (as recorded on a STARTED row) while it is still alive on the
     * server, with how an operator ends it: "session 4711 (running its current statement since 10:02); wait for it
     * to finish, or end it with SELECT pg_terminate_backend(4711)". Null when it has ended, or where the database
     * cannot tell.
     */
    default String liveSession(String sessionId) {
        return null;
    }

    /**
     * Sets what the target runs before each statement and history write of a migration. The engine's guard throws
     * {@code LostLockException} once the lock may be lost (a lease not renewed in time), so nothing more runs.
     */
    default void guard(Runnable beforeEachStatement) {
    }

    /**
     * The same prepared script, run from statement {@code fromStatement} (0-based): a script that failed part-way
     * where DDL commits implicitly resumes after the statements that stayed committed. Targets that cannot resume
     * throw {@link UnsupportedOperationException}.
     */
    default Executable resume(Executable executable, int fromStatement) {
        throw new UnsupportedOperationException("this target cannot resume a script part-way");
    }

    /** Releases the lock if held and closes connections. Never throws. */
    @Override
    void close();

    /**
     * Lints pending scripts before they run, knowing which tables exist and about how large they are. The default
     * finds nothing (a target without a linter).
     *
     * @param scripts the pending scripts, in the order they would run
     * @return the risks found, acknowledged ones included (with {@link LintIssue#acknowledgedBy()} set)
     */
    default java.util.List<LintIssue> lint(java.util.List<LintInput> scripts) {
        return java.util.List.of();
    }

    /**
     * Reads another tool's history table for adoption, without writing anything. The name is matched ignoring case
     * where the database folds unquoted names ({@code DATABASECHANGELOG} is {@code databasechangelog} on
     * PostgreSQL), in the session's schema unless qualified as {@code schema.table}.
     *
     * @return the table's rows, or null when no such table exists
     * @throws dev.migrator.api.ConfigurationException where the target keeps no tables (MongoDB)
     */
    default ForeignTable readForeignTable(String table) {
        throw new dev.migrator.api.ConfigurationException("Adopting another tool's history is not supported on "
                + describe() + ": Flyway, Liquibase, Alembic, Django, Knex and Sequelize keep their histories in "
                + "relational databases; use adopt with a JDBC target");
    }
}
