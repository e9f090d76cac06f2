/**
 * The engine, and what users call: {@link dev.migrator.core.Migrator}, built with
 * {@link dev.migrator.core.Migrator#builder()}, and the records it returns. The engine's steps (discovery, planning,
 * locking, execution, history) are package-private classes here, each named for its step; the design note on
 * {@code MigrationEngine} walks the flow.
 */
package dev.migrator.core;
