package dev.migrator.spring;

import dev.migrator.core.Migrator;

/**
 * A bean that adjusts the {@link Migrator.Builder} the Spring Boot auto-configuration fills from the
 * {@code migrator.*} properties, before the migrator is built: for a setting that has no property, or one computed
 * at start-up. Customizers run in their {@code @Order}, after the properties were applied.
 */
@FunctionalInterface
public interface MigratorCustomizer {

    /** Changes {@code builder}; called once, before {@code build()}. */
    void customize(Migrator.Builder builder);
}
