package dev.migrator.spring;

import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The actuator endpoint {@code migrator} ({@code GET /actuator/migrator}): for the DataSource that migrator migrates
 * (by bean name, or {@code migrator.url}), what {@code info()} says of each migration.
 */
@Endpoint(id = "migrator")
public class MigratorEndpoint {
    private final Migrator migrator;
    private final MigratorTarget target;

    MigratorEndpoint(Migrator migrator, MigratorTarget target) {
        this.migrator = migrator;
        this.target = target;
    }

    /** {@code {"dataSources":{"dataSource":{"migrations":[{"version":..,"description":..,"type":..,"state":..}]}}}}. */
    @ReadOperation
    public Map<String, Object> migrations() {
        List<Map<String, Object>> rows = migrator.info().stream().map(MigratorEndpoint::row).toList();
        Map<String, Object> dataSource = new LinkedHashMap<>();
        dataSource.put("migrations", rows);
        return Map.of("dataSources", Map.of(target.name(), dataSource));
    }

    private static Map<String, Object> row(MigrationStatus s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("version", s.version());
        row.put("description", s.description());
        row.put("type", s.type().name());
        row.put("state", s.state().name());
        row.put("installedOn", s.installedOn() == null ? null : s.installedOn().toString());
        return row;
    }
}
