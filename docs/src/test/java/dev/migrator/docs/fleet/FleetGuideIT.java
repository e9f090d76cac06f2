package dev.migrator.docs.fleet;

import dev.migrator.core.Fleet;
import dev.migrator.core.FleetErrorPolicy;
import dev.migrator.core.FleetOutcome;
import dev.migrator.core.FleetResult;
import dev.migrator.core.FleetTarget;
import dev.migrator.core.FleetTargetResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of docs/fleet.md, on schemas of one H2 database. */
class FleetGuideIT {
    private static final String URL = "jdbc:h2:mem:fleet_guide;DB_CLOSE_DELAY=-1";

    @Test
    void fleetExample_migratesEveryTenant_thenResumesForFree() {
        List<String> tenants = List.of("acme", "globex", "initech", "umbrella");
        String url = URL;
        String user = "sa";
        String password = "";

        // tag::fleet[]
        List<FleetTarget> targets = new ArrayList<>();
        for (String tenant : tenants) {                    // from your tenant registry
            targets.add(FleetTarget.of(tenant, JdbcTarget.of(url, user, password))
                    .schema(tenant)                           // its own schema, history and lock
                    .placeholders(Map.of("tenant", tenant))); // ${tenant} in its scripts
        }
        Fleet fleet = Fleet.builder()
                .template(Migrator.builder().locations("classpath:db/fleet-guide"))
                .targets(targets)
                .parallelism(4)                               // at most 4 tenants at once
                .canary("acme")                               // alone and first: if it fails, nothing else starts
                .onError(FleetErrorPolicy.maxFailures(2))     // then stop starting tenants after 2 failures
                .build();
        FleetResult result = fleet.migrate();
        System.out.println(result.summary());                 // migrate: 4 targets, 4 succeeded, 0 failed, ...
        for (FleetTargetResult t : result.targets()) {
            System.out.printf("%-10s %-9s %s -> %s%n", t.name(), t.outcome(), t.versionBefore(), t.versionAfter());
        }
        // end::fleet[]

        assertThat(result.succeeded()).isTrue();
        assertThat(result.summary()).startsWith("migrate: 4 targets, 4 succeeded, 0 failed, 0 skipped in ");
        assertThat(result.targets()).extracting(FleetTargetResult::versionAfter).containsOnly("2");

        // tag::again[]
        FleetResult again = fleet.migrate();                  // every tenant up to date: one history read each
        // end::again[]
        assertThat(again.targets()).allSatisfy(t -> {
            assertThat(t.outcome()).isEqualTo(FleetOutcome.SUCCEEDED);
            assertThat(t.applied()).isEmpty();
        });
    }
}
