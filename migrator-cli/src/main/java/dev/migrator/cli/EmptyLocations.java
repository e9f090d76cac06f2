package dev.migrator.cli;

import dev.migrator.api.ConfigurationException;
import dev.migrator.core.Migrator;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A location that holds no migration fails the command unless {@code --allow-empty}: a typo in {@code --locations},
 * or a pipeline run from the wrong directory, must not report "up to date". The library only warns.
 */
final class EmptyLocations {
    /** The commands that read the migrations to do their work. */
    private static final Set<Command> READING = EnumSet.of(Command.MIGRATE, Command.INFO, Command.VALIDATE,
            Command.PLAN, Command.ROLLBACK, Command.LINT);

    private EmptyLocations() {
    }

    static void check(Migrator migrator, Settings settings) {
        if (settings.allowEmpty() || !READING.contains(settings.command())) {
            return;
        }
        List<String> empty = migrator.emptyLocations();
        if (!empty.isEmpty()) {
            throw new ConfigurationException((empty.size() == 1 ? "A location holds" : "Locations hold")
                    + " no migration: " + String.join(", ", empty) + ". Check " + Option.LOCATIONS.flag()
                    + " (and the working directory: filesystem: paths are relative to it), or pass "
                    + Option.ALLOW_EMPTY.flag() + " if no migration is expected yet; nothing was changed");
        }
    }
}
