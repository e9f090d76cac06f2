package dev.migrator.spring;

import dev.migrator.core.Migrator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The actuator endpoint {@code migrator}, the health contributor {@code migrator} (Spring Boot 3 or 4, whichever is
 * there) and the Micrometer observations, each when its library is on the class path.
 */
@AutoConfiguration(after = MigratorAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
public class MigratorActuatorAutoConfiguration {

    /** The endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    @ConditionalOnBean({Migrator.class, MigratorTarget.class})
    static class EndpointConfiguration {
        @Bean
        @ConditionalOnMissingBean
        MigratorEndpoint migratorEndpoint(Migrator migrator, MigratorTarget target) {
            return new MigratorEndpoint(migrator, target);
        }
    }

    /** The health contributor on Spring Boot 3. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnBean(Migrator.class)
    static class Boot3Health {
        @Bean(name = "migratorHealthIndicator")
        @ConditionalOnMissingBean(name = "migratorHealthIndicator")
        MigratorHealthIndicator migratorHealthIndicator(Migrator migrator) {
            return new MigratorHealthIndicator(new MigratorHealth(migrator));
        }
    }

    /** The health contributor on Spring Boot 4. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnBean(Migrator.class)
    static class Boot4Health {
        @Bean(name = "migratorHealthIndicator")
        @ConditionalOnMissingBean(name = "migratorHealthIndicator")
        MigratorBoot4HealthIndicator migratorHealthIndicator(Migrator migrator) {
            return new MigratorBoot4HealthIndicator(new MigratorHealth(migrator));
        }
    }
}
