/**
 * Micrometer observations of migrator runs: {@link dev.migrator.micrometer.MigratorObservations} is the entry point,
 * a {@code MigrationListener} giving timers, gauges and spans.
 */
package dev.migrator.micrometer;
