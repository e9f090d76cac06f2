package dev.migrator.jdbc.internal;

import dev.migrator.api.Migration;
import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.ScriptStatement;

import java.util.List;

/**
 * A script's statements or a Java migration, with how it runs.
 *
 * @param name       the script file or class name
 * @param statements the statements; empty for Java
 * @param java       the Java migration, or null
 * @param undo       whether {@code down} runs
 * @param mode       how transactions are used
 */
record JdbcExecutable(String name, List<ScriptStatement> statements, Migration<?> java, boolean undo, Mode mode)
        implements Executable {

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

    @Override
    public boolean atomic() {
        return mode == Mode.ATOMIC;
    }
}
