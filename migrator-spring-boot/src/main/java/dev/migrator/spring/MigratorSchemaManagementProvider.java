package dev.migrator.spring;

import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

import javax.sql.DataSource;

/**
 * Tells Hibernate's auto-configuration that migrator manages the schema, so that its default {@code ddl-auto} on an
 * embedded database is {@code none}, not {@code create-drop} (which would drop what was just migrated).
 */
final class MigratorSchemaManagementProvider implements SchemaManagementProvider {

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        return SchemaManagement.MANAGED;
    }
}
