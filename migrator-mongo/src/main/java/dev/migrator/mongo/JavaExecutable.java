package dev.migrator.mongo;

import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.ScriptStatement;

import java.util.List;

/**
 * A Java migration's {@code up} or {@code down} made ready to run.
 *
 * @param migration the migration
 * @param undo      whether {@code down} runs
 * @param atomic    whether it runs in one transaction with the history document
 */
record JavaExecutable(MongoMigration migration, boolean undo, boolean atomic) implements Executable {

    @Override
    public List<ScriptStatement> statements() {
        return List.of();
    }

    void run(MongoContext context) throws Exception {
        if (undo) {
            migration.down(context);
        } else {
            migration.up(context);
        }
    }
}
