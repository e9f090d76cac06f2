/**
 * Spring Boot integration: {@link dev.migrator.spring.MigratorAutoConfiguration} builds a migrator from the
 * {@code migrator.*} properties and migrates before the application uses the schema;
 * {@link dev.migrator.spring.MigratorCustomizer} adjusts the builder.
 */
package dev.migrator.spring;
