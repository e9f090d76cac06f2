package dev.migrator.core;

import dev.migrator.api.Migration;
import dev.migrator.api.MigrationListener;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.api.spi.TargetSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The settings of a {@link Migrator}, validated by its builder. Immutable. */
record MigratorConfig(MigrationTarget target, List<String> locations, boolean defaultLocations,
                      List<Migration<?>> migrations, Map<String, String> placeholders, boolean replacePlaceholders,
                      String historyTable, String schema, Duration lockTimeout, boolean outOfOrder,
                      MigrationListener listener, String installedBy, Clock clock, Duration lease,
                      ClassLoader classLoader, TargetSettings.Execution execution, LintMode lint,
                      String adoptOnMigrate) {

    /** The lease-lock table; one row per history table, so two histories in one schema do not block each other. */
    static final String LOCK_TABLE = Migrator.Builder.LOCK_TABLE;

    MigratorConfig {
        locations = List.copyOf(locations);
        migrations = List.copyOf(migrations);
        placeholders = Map.copyOf(placeholders);
    }

    TargetSettings settings() {
        return new TargetSettings(schema, historyTable, LOCK_TABLE, clock, execution);
    }
}
