package dev.migrator.core;

import dev.migrator.api.spi.MigrationTarget;

import java.util.Map;
import java.util.Objects;

/**
 * One database (or schema) of a {@link Fleet}: a name unique in the fleet, the target, and what differs from the
 * fleet's template. Immutable: {@link #group}, {@link #schema} and {@link #placeholders} return a copy.
 *
 * <pre>{@code
 * FleetTarget.of("tenant_042", JdbcTarget.of(url, user, password)).schema("tenant_042").group("eu")
 * }</pre>
 *
 * @param name         how reports and logs name it; unique in the fleet
 * @param target       the database
 * @param group        the wave it belongs to, or {@code null} (see {@link Fleet})
 * @param schema       its schema, replacing the template's, or {@code null} to keep the template's
 * @param placeholders its placeholder values, over the template's
 */
public record FleetTarget(String name, MigrationTarget target, String group, String schema,
                          Map<String, String> placeholders) {
    public FleetTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        placeholders = Map.copyOf(placeholders);
    }

    /** A target named {@code name}, in no group, with the template's schema and placeholders. */
    public static FleetTarget of(String name, MigrationTarget target) {
        return new FleetTarget(name, target, null, null, Map.of());
    }

    /** A copy in wave {@code group}: groups run one after the other, in the order they first appear. */
    public FleetTarget group(String group) {
        return new FleetTarget(name, target, Objects.requireNonNull(group, "group"), schema, placeholders);
    }

    /** A copy that migrates {@code schema} (holding its own history) instead of the template's schema. */
    public FleetTarget schema(String schema) {
        return new FleetTarget(name, target, group, Objects.requireNonNull(schema, "schema"), placeholders);
    }

    /** A copy with these placeholder values, which win over the template's. */
    public FleetTarget placeholders(Map<String, String> placeholders) {
        return new FleetTarget(name, target, group, schema, placeholders);
    }
}
