package dev.migrator.spring;

import dev.migrator.micrometer.MigratorObservations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link MigratorObservations} as a {@code MigrationListener} bean when Micrometer and migrator-micrometer
 * are on the class path: timers and gauges in the application's MeterRegistry, spans through its
 * ObservationRegistry's tracing handler. Ordered before {@link MigratorAutoConfiguration}, which collects listener
 * beans; the registries themselves are looked up only when the migrator is built.
 */
@AutoConfiguration(before = MigratorAutoConfiguration.class)
@ConditionalOnClass(name = {"dev.migrator.micrometer.MigratorObservations",
        "io.micrometer.observation.ObservationRegistry", "io.micrometer.core.instrument.MeterRegistry"})
public class MigratorMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MigratorObservations migratorObservations(ObjectProvider<ObservationRegistry> observations,
                                              ObjectProvider<MeterRegistry> meters) {
        ObservationRegistry observationRegistry = observations.getIfAvailable();
        MeterRegistry meterRegistry = meters.getIfAvailable();
        if (observationRegistry != null && meterRegistry != null) {
            return MigratorObservations.of(observationRegistry, meterRegistry);
        }
        if (observationRegistry != null) {
            return MigratorObservations.of(observationRegistry);
        }
        if (meterRegistry != null) {
            return MigratorObservations.of(meterRegistry);
        }
        return MigratorObservations.of(ObservationRegistry.NOOP);
    }
}
