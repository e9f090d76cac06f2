package dev.migrator.spring;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.Migration;
import dev.migrator.api.MigrationListener;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.util.List;
import java.util.Locale;

/**
 * Spring Boot auto-configuration: builds a {@link Migrator} from the {@code migrator.*} properties on the
 * application's DataSource and runs {@code migrate()} before anything that uses the schema starts (JPA's
 * EntityManagerFactory, JdbcTemplate and JdbcClient users, jOOQ: Boot's database-initialization dependency
 * detectors order them after {@link MigratorInitializer}). Class names of other auto-configurations are given as
 * strings for Spring Boot 3 and 4, which moved them.
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"},
        beforeName = {"org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnClass(Migrator.class)
@EnableConfigurationProperties(MigratorProperties.class)
@ImportRuntimeHints(MigratorRuntimeHints.class)
public class MigratorAutoConfiguration {

    /** Runs the migrations when the migrator is enabled (the default). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "migrator", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class Enabled {

        @Bean
        @ConditionalOnMissingBean
        MigratorTarget migratorTarget(MigratorProperties properties, ConfigurableListableBeanFactory beans) {
            if (properties.getUrl() != null) {
                return new MigratorTarget("migrator.url", JdbcTarget.of(properties.getUrl(), properties.getUser(),
                        properties.getPassword() == null ? "" : properties.getPassword()));
            }
            String name = DataSources.pick(beans);
            if (name == null) {
                throw new ConfigurationException("migrator has no database to migrate: the application has no "
                        + "DataSource bean. Add spring-boot-starter-jdbc (on Spring Boot 4, the spring-boot-jdbc "
                        + "module) and spring.datasource.url, or set migrator.url, or set migrator.enabled=false if "
                        + "this application has no database.");
            }
            return new MigratorTarget(name, JdbcTarget.of(beans.getBean(name, DataSource.class)));
        }

        @Bean
        @ConditionalOnMissingBean
        Migrator migrator(MigratorProperties properties, MigratorTarget target,
                          ObjectProvider<MigratorCustomizer> customizers, ObjectProvider<MigrationListener> listeners,
                          @SuppressWarnings("rawtypes") ObjectProvider<Migration> migrations) {
            Migrator.Builder builder = Migrator.builder().target(target.target());
            builder.locations(properties.getLocations().toArray(String[]::new));
            if (properties.getSchema() != null) {
                builder.schema(properties.getSchema());
            }
            if (properties.getHistoryTable() != null) {
                builder.historyTable(properties.getHistoryTable());
            }
            if (!properties.getPlaceholders().isEmpty()) {
                builder.placeholders(properties.getPlaceholders());
            }
            if (properties.getPlaceholderReplacement() != null) {
                builder.placeholderReplacement(properties.getPlaceholderReplacement());
            }
            if (properties.getLockTimeout() != null) {
                builder.lockTimeout(properties.getLockTimeout());
            }
            if (properties.getOutOfOrder() != null) {
                builder.outOfOrder(properties.getOutOfOrder());
            }
            if (properties.getInstalledBy() != null) {
                builder.installedBy(properties.getInstalledBy());
            }
            if (properties.getAdoptOnMigrate() != null && !properties.getAdoptOnMigrate().isBlank()) {
                builder.adoptOnMigrate(properties.getAdoptOnMigrate().trim());
            }
            if (properties.getDdlLockTimeout() != null) {
                builder.ddlLockTimeout(properties.getDdlLockTimeout());
            }
            if (properties.getStatementTimeout() != null) {
                builder.statementTimeout(properties.getStatementTimeout());
            }
            if (properties.getDdlRetries() != null) {
                builder.ddlRetries(properties.getDdlRetries());
            }
            if (properties.getLint() != null) {
                builder.lint(properties.getLint());
            }
            List<Migration<?>> beans = migrations.orderedStream().<Migration<?>>map(m -> m).toList();
            if (!beans.isEmpty()) {
                builder.migrations(beans.toArray(Migration<?>[]::new));
            }
            List<MigrationListener> all = listeners.orderedStream().toList();
            if (!all.isEmpty()) {
                builder.listener(all.size() == 1 ? all.get(0) : new CompositeListener(all));
            }
            customizers.orderedStream().forEach(c -> c.customize(builder));
            return builder.build();
        }

        @Bean
        @ConditionalOnMissingBean
        MigratorInitializer migratorInitializer(Migrator migrator, Environment environment) {
            return new MigratorInitializer(migrator, environment.getProperty("spring.application.name"));
        }
    }

    /** Tells Hibernate the schema is managed, where Boot's JDBC module is there to ask. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "migrator", name = "enabled", havingValue = "true", matchIfMissing = true)
    @ConditionalOnClass(name = "org.springframework.boot.jdbc.SchemaManagementProvider")
    static class SchemaManaged {

        @Bean
        @ConditionalOnMissingBean
        static MigratorSchemaManagementProvider migratorSchemaManagementProvider() {
            return new MigratorSchemaManagementProvider();
        }
    }

    /** With {@code migrator.enabled=false}: refuses a JPA {@code ddl-auto=validate} that nothing migrates for. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "migrator", name = "enabled", havingValue = "false")
    static class Disabled {

        @Bean
        static DisabledCheck migratorDisabledCheck(Environment environment) {
            return new DisabledCheck(environment);
        }
    }

    /** Fails at start-up when Hibernate would validate a schema that nothing migrates. */
    static final class DisabledCheck implements org.springframework.beans.factory.InitializingBean {
        private final Environment environment;

        DisabledCheck(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void afterPropertiesSet() {
            String ddlAuto = environment.getProperty("spring.jpa.hibernate.ddl-auto", "");
            boolean external = environment.getProperty("migrator.migrated-externally", Boolean.class, false);
            if (ddlAuto.trim().toLowerCase(Locale.ROOT).equals("validate") && !external) {
                throw new ConfigurationException("migrator.enabled=false, but spring.jpa.hibernate.ddl-auto=validate "
                        + "checks the schema at start-up: nothing migrates it, so the application would start on "
                        + "whatever schema it finds. Remove migrator.enabled=false, or set "
                        + "migrator.migrated-externally=true if a job migrates this database before the application "
                        + "starts.");
            }
        }
    }

    /** Picks the DataSource to migrate: the {@link MigratorDataSource} one, else the primary or only one. */
    static final class DataSources {
        private DataSources() {
        }

        static String pick(ConfigurableListableBeanFactory beans) {
            String[] names = beans.getBeanNamesForType(DataSource.class, false, false);
            String qualified = null;
            for (String name : names) {
                if (beans.containsBeanDefinition(name)
                        && beans.findAnnotationOnBean(name, MigratorDataSource.class) != null) {
                    qualified = name;
                }
            }
            if (qualified != null) {
                return qualified;
            }
            if (names.length == 1) {
                return names[0];
            }
            for (String name : names) {
                if (beans.containsBeanDefinition(name) && beans.getBeanDefinition(name).isPrimary()) {
                    return name;
                }
            }
            if (names.length > 1) {
                throw new ConfigurationException("migrator cannot tell which of the DataSource beans " + List.of(names)
                        + " to migrate: mark one @Primary or @MigratorDataSource, or set migrator.url");
            }
            return null;
        }

        static boolean any(ListableBeanFactory beans) {
            return beans.getBeanNamesForType(DataSource.class, false, false).length > 0;
        }
    }
}
