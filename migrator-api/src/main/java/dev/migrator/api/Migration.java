package dev.migrator.api;

import dev.migrator.api.internal.NameParts;

/**
 * A migration written in Java. The engine calls {@link #up} to apply it and {@link #down} to undo it.
 *
 * <p>Version and description come from the simple class name, as for script files:
 * {@code V3__Backfill_emails} is version {@code "3"}, description {@code "Backfill emails"}; {@code R__Refresh_views}
 * is repeatable. Override {@link #version()} and {@link #description()} to name a class freely.
 *
 * <p>A migration that does not override {@link #down} is irreversible: {@code info()} says so and a rollback that
 * would cross it fails before it changes anything.
 *
 * <p>Implementations need a public no-argument constructor when they are found by scanning a location; instances
 * passed to {@code Migrator.Builder.migrations(...)} need none. An instance may be called from several runs, so keep
 * it stateless.
 *
 * @param <C> the context the target hands the migration, such as {@code JdbcContext}
 */
public interface Migration<C> {

    /** Applies the change. Throwing fails the migration; where the database has transactions it is rolled back. */
    void up(C context) throws Exception;

    /**
     * Undoes what {@link #up} did. The default throws: a migration that does not override it is irreversible.
     */
    default void down(C context) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " has no down migration");
    }

    /**
     * The version, such as {@code "3"} or {@code "2.1"}; {@code null} for a repeatable migration. The default reads
     * it from the class name ({@code V2_1__Name} gives {@code "2.1"}, {@code R__Name} gives {@code null}).
     */
    default String version() {
        return NameParts.parse(getClass().getSimpleName()).version();
    }

    /** A short description; the default reads it from the class name, with {@code _} read as a space. */
    default String description() {
        return NameParts.parse(getClass().getSimpleName()).description();
    }

    /**
     * A checksum that changes when the migration's behaviour changes, so that validation catches an edited
     * migration; {@code null} (the default) means "not checked". A repeatable Java migration re-runs when it changes.
     */
    default String checksum() {
        return null;
    }
}
