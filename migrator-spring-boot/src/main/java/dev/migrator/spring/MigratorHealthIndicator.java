package dev.migrator.spring;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The health contributor {@code migrator} on Spring Boot 3. */
final class MigratorHealthIndicator implements HealthIndicator {
    private final MigratorHealth health;

    MigratorHealthIndicator(MigratorHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        MigratorHealth.Result r = health.check();
        return (r.up() ? Health.up() : Health.down()).withDetails(r.details()).build();
    }
}
