/**
 * What migration authors touch: {@link dev.migrator.api.Migration}, the {@link dev.migrator.api.MigrationListener}
 * hooks and the exceptions rooted at {@link dev.migrator.api.MigratorException}.
 */
package dev.migrator.api;
