package dev.migrator.mongo;

import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.ScriptStatement;

import java.util.List;

/**
 * A script made ready to run.
 *
 * @param commands the commands, in order
 * @param atomic   whether they run in one transaction with the history document
 */
record ScriptExecutable(List<Command> commands, boolean atomic) implements Executable {
    ScriptExecutable {
        commands = List.copyOf(commands);
    }

    @Override
    public List<ScriptStatement> statements() {
        return commands.stream().map(c -> new ScriptStatement(c.json(), c.line())).toList();
    }
}
