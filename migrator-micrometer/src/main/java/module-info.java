/**
 * Metrics and spans for migrations: {@link dev.migrator.micrometer.MigratorObservations}, a listener that reports to
 * Micrometer's registries.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // Micrometer's jars have no module-info
module dev.migrator.micrometer {
    requires transitive dev.migrator.api;
    // MigratorObservations.of takes their registries, so a reader of this module reads them too.
    requires transitive micrometer.core;
    requires transitive micrometer.observation;

    exports dev.migrator.micrometer;
}
