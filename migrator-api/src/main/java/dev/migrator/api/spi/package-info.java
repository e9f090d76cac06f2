/**
 * The service-provider interface through which a kind of database plugs into the engine.
 *
 * <p>A {@link dev.migrator.api.spi.MigrationTarget} (such as {@code JdbcTarget} or {@code MongoTarget}) opens a
 * {@link dev.migrator.api.spi.TargetSession}, which offers the engine's four needs: a lock
 * ({@link dev.migrator.api.spi.TargetLock}), a history store ({@link dev.migrator.api.spi.HistoryStore}), running a
 * migration ({@link dev.migrator.api.spi.Executable}) and a schema snapshot
 * ({@link dev.migrator.api.spi.SchemaModel}). The engine decides everything else (order, validation, what a failure
 * records), so a target holds no migration logic of its own.
 *
 * <p>Applications do not call these types; implementers of a new database kind do.
 */
package dev.migrator.api.spi;
