package dev.migrator.jdbc.internal;

import dev.migrator.api.Migration;
import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.ScriptStatement;

import java.time.Duration;
import java.util.List;

/**
 * A script's statements or a Java migration, with how it runs.
 *
 * @param name       the script file or class name
 * @param statements the statements; empty for Java
 * @param java       the Java migration, or null
 * @param undo       whether {@code down} runs
 * @param mode       how transactions are used
 * @param from       the index of the first statement to run: 0, or where a script that failed part-way resumes
 * @param lockTimeout      the lock timeout its statements run with; null for the database's own setting
 * @param statementTimeout how long one statement may run; null for no limit
 */
record JdbcExecutable(String name, List<ScriptStatement> statements, Migration<?> java, boolean undo, Mode mode,
                      int from, Duration lockTimeout, Duration statementTimeout) implements Executable {

    /** How a migration uses transactions. */
    enum Mode {
        /** One transaction holds every statement and the history row. */
        ATOMIC,
        /** One transaction, but some statements commit implicitly (DDL on MySQL, Oracle). */
        IMPLICIT_COMMITS,
        /** No transaction: each statement commits on its own. */
        NO_TRANSACTION
    }

    JdbcExecutable {
        statements = List.copyOf(statements);
    }

    /** The same migration, resuming at statement {@code index}. */
    JdbcExecutable from(int index) {
        return new JdbcExecutable(name, statements, java, undo, mode, index, lockTimeout, statementTimeout);
    }

    @Override
    public boolean atomic() {
        return mode == Mode.ATOMIC;
    }
}
