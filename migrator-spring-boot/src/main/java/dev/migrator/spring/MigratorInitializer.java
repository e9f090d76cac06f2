package dev.migrator.spring;

import dev.migrator.core.Migrator;
import org.slf4j.MDC;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs {@code migrate()} when the context creates it. Boot's database-initialization detectors
 * ({@link MigratorInitializerDetector}) make JPA, JdbcTemplate, JdbcClient and jOOQ beans depend on it, so they
 * start on a migrated schema. A failure stops the start-up with the migrator's own message.
 */
public final class MigratorInitializer implements InitializingBean {
    private final Migrator migrator;
    private final String serviceName;

    MigratorInitializer(Migrator migrator, String serviceName) {
        this.migrator = migrator;
        this.serviceName = serviceName;
    }

    @Override
    public void afterPropertiesSet() {
        // The JSON events name the application (service.name) the way ECS and OpenTelemetry expect.
        boolean named = serviceName != null && MDC.get("service.name") == null;
        if (named) {
            MDC.put("service.name", serviceName);
        }
        try {
            migrator.migrate();
        } finally {
            if (named) {
                MDC.remove("service.name");
            }
        }
    }
}
