package dev.migrator.api.spi;

import java.util.List;

/**
 * A migration (or its down) made ready to run by {@link TargetSession#prepareScript} or
 * {@link TargetSession#prepareJava}; only the session that made it can run it.
 */
public interface Executable {

    /**
     * Whether the migration and its history row commit together or not at all. When {@code false}, the engine hands
     * {@link TargetSession#run} a STARTED row to make durable first, so that a crash leaves a truthful entry.
     */
    boolean atomic();

    /** The statements, in order, with placeholders replaced; empty for a Java migration. */
    List<ScriptStatement> statements();
}
