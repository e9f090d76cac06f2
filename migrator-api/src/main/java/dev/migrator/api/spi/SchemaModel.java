package dev.migrator.api.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The objects of one schema as a target sees them, for comparing two states of a schema.
 *
 * @param objects every table, column, index, constraint, view, sequence (or collection, index, validator), sorted
 */
public record SchemaModel(List<SchemaObject> objects) {
    public SchemaModel {
        objects = objects.stream().sorted().toList();
    }

    /**
     * One schema object.
     *
     * @param kind       such as {@code table}, {@code column}, {@code index}, {@code foreign key}, {@code view}
     * @param name       unique within its kind, such as {@code orders.customer_id} for a column
     * @param attributes what describes it, such as {@code type}, {@code nullable}, {@code default}, {@code columns}
     */
    public record SchemaObject(String kind, String name, Map<String, String> attributes)
            implements Comparable<SchemaObject> {
        public SchemaObject {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            if (attributes.isEmpty()) {
                attributes = Map.of(); // most objects of a snapshot (tables) have none: no sorted copy for them
            } else {
                TreeMap<String, String> sorted = new TreeMap<>();
                attributes.forEach((k, v) -> sorted.put(k, v == null ? "null" : v));
                attributes = java.util.Collections.unmodifiableMap(sorted);
            }
        }

        @Override
        public int compareTo(SchemaObject o) {
            int c = kind.compareTo(o.kind);
            return c != 0 ? c : name.compareTo(o.name);
        }
    }
}
