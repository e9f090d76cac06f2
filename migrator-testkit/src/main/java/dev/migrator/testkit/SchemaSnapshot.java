package dev.migrator.testkit;

import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;
import dev.migrator.core.Migrator;
import dev.migrator.core.SchemaDiff;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The objects of one schema at one moment, to compare with another moment: for a relational database its tables,
 * columns (type, nullability, default), keys, checks, indexes, views and sequences (on PostgreSQL also enum types,
 * functions and triggers); for MongoDB its collections, indexes and validators. The history and lock tables are
 * left out.
 *
 * <pre>{@code
 * SchemaSnapshot before = SchemaSnapshot.of(target);
 * ...
 * assertThat(SchemaSnapshot.of(target).diff(before)).isEmpty();
 * }</pre>
 *
 * <p>Immutable. Two snapshots of the same schema are {@code equals}; {@link #diff} says what differs, a line per
 * difference, and {@link #toString()} prints every object, a line each.
 */
public final class SchemaSnapshot {
    /** The lease-lock table every migrator uses beside its history table. */
    private static final String LOCK_TABLE = Migrator.Builder.LOCK_TABLE;

    private final List<SchemaObject> objects;

    private SchemaSnapshot(SchemaModel model) {
        // An attribute that is null (no default, say) is dropped, so that it equals one the target left out.
        this.objects = SchemaDiff.withoutNulls(model.objects());
    }

    /**
     * Captures the schema a target's connections work in by default, without the default history table
     * ({@code migrator_history}) and the lock table.
     */
    public static SchemaSnapshot of(MigrationTarget target) {
        Objects.requireNonNull(target, "target");
        return of(target, new TargetSettings(null, Migrator.Builder.DEFAULT_HISTORY_TABLE, LOCK_TABLE));
    }

    /**
     * Captures the schema a migrator works in ({@code schema(...)} if set), without its history and lock tables.
     * Opens its own connection, closed before this returns.
     */
    public static SchemaSnapshot of(Migrator migrator) {
        Objects.requireNonNull(migrator, "migrator");
        return of(migrator.target(), migrator.targetSettings());
    }

    private static SchemaSnapshot of(MigrationTarget target, TargetSettings settings) {
        try (TargetSession session = target.open(settings)) {
            return new SchemaSnapshot(session.snapshot());
        }
    }

    /**
     * What differs between this snapshot and {@code other}, one readable line per difference, such as
     * {@code index orders_customer_idx on orders(customer_id): present in this snapshot, absent in the other} or
     * {@code column orders.status: default 'new' in this snapshot, none in the other}. Empty when they are equal.
     */
    public List<String> diff(SchemaSnapshot other) {
        return diff(other, "in this snapshot", "in the other");
    }

    /** As {@link #diff(SchemaSnapshot)}, with each side called by its label, such as "after down", "before up". */
    List<String> diff(SchemaSnapshot other, String thisLabel, String otherLabel) {
        Objects.requireNonNull(other, "other");
        return SchemaDiff.lines(objects, other.objects, thisLabel, otherLabel);
    }

    /** Whether there is no object at all. */
    boolean isEmpty() {
        return objects.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaSnapshot s && objects.equals(s.objects);
    }

    @Override
    public int hashCode() {
        return objects.hashCode();
    }

    /**
     * Every object, one a line, sorted by kind and name, such as
     * {@code index orders_customer_idx: on orders(customer_id), unique no}.
     */
    @Override
    public String toString() {
        return objects.stream().map(SchemaDiff::describe).collect(Collectors.joining("\n"));
    }
}
