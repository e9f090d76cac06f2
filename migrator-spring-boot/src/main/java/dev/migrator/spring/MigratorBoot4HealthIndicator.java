package dev.migrator.spring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The health contributor {@code migrator} on Spring Boot 4, which moved the health types to their own module. */
final class MigratorBoot4HealthIndicator implements HealthIndicator {
    private final MigratorHealth health;

    MigratorBoot4HealthIndicator(MigratorHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        MigratorHealth.Result r = health.check();
        return (r.up() ? Health.up() : Health.down()).withDetails(r.details()).build();
    }
}
