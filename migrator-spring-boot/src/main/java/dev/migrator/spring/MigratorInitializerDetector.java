package dev.migrator.spring;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

import java.util.Set;

/**
 * Tells Spring Boot that {@link MigratorInitializer} initializes the database, so that the beans Boot knows depend on
 * an initialized database (EntityManagerFactory, JdbcOperations, NamedParameterJdbcOperations, jOOQ's DSLContext,
 * {@code @DependsOnDatabaseInitialization} beans) are created after it, as Boot does for Flyway.
 */
final class MigratorInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector
        implements DatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MigratorInitializer.class);
    }
}
