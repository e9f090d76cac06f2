package dev.migrator.spring;

import dev.migrator.api.spi.MigrationTarget;

/**
 * The database the auto-configured migrator migrates, with the name the actuator endpoint shows for it: the
 * DataSource bean's name, or {@code migrator.url}.
 *
 * @param name   the DataSource bean name, or {@code "migrator.url"}
 * @param target the target
 */
public record MigratorTarget(String name, MigrationTarget target) {
}
