package dev.migrator.it;

import dev.migrator.core.Fleet;
import dev.migrator.core.FleetErrorPolicy;
import dev.migrator.core.FleetOutcome;
import dev.migrator.core.FleetResult;
import dev.migrator.core.FleetTarget;
import dev.migrator.core.FleetTargetResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Fleets on real servers: PostgreSQL tenants as schemas of one database, MariaDB tenants as databases. */
@Timeout(300)
class FleetIT {
    private static final int PG_TENANTS = 20;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private static Fleet.Builder fleet(List<FleetTarget> targets) {
        return Fleet.builder().template(Migrator.builder().locations("classpath:db/fleet")).targets(targets);
    }

    private static String tenant(int i) {
        return String.format("tenant_%02d", i);
    }

    /** Every tenant of one PostgreSQL database, each in its schema; {@code broken} fails its V2. */
    private static List<FleetTarget> schemas(TestDatabase db, String broken) {
        List<FleetTarget> targets = new ArrayList<>();
        for (int i = 1; i <= PG_TENANTS; i++) {
            String name = tenant(i);
            targets.add(FleetTarget.of(name, JdbcTarget.of(db.url(), db.user(), db.password())).schema(name)
                    .group(i <= 5 ? "wave-1" : "wave-2")
                    .placeholders(Map.of("tenant", name, "table", name.equals(broken) ? "no_such_table" : "accounts")));
        }
        return targets;
    }

    private static List<String> pgHistory(TestDatabase db, String schema) {
        return db.query("SELECT version, action, outcome FROM " + schema + ".migrator_history ORDER BY installed_rank")
                .stream().map(r -> String.join(" ", r)).toList();
    }

    @Test
    void postgresql_twentySchemas_oneFailing_thenResumed_withEveryHistoryExact() {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);

        FleetResult first = fleet(schemas(db, "tenant_13")).parallelism(4).canary("tenant_01")
                .onError(FleetErrorPolicy.continueAll()).build().migrate();

        assertThat(first.count(FleetOutcome.SUCCEEDED)).isEqualTo(19);
        FleetTargetResult broken = first.targets().get(12);
        assertThat(broken.outcome()).isEqualTo(FleetOutcome.FAILED);
        assertThat(broken.error()).hasMessageContaining("V2__First_account.sql").hasMessageContaining("no_such_table");
        // PostgreSQL rolls the failed DDL back: the tenant stays at version 1, its V2 pending again.
        assertThat(db.query("SELECT tenant FROM tenant_13.accounts")).isEmpty();
        assertThat(db.query("SELECT tenant FROM tenant_07.accounts")).containsExactly(List.of("tenant_07"));
        assertThat(pgHistory(db, "tenant_07")).containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS",
                "3 APPLY SUCCESS");

        FleetResult again = fleet(schemas(db, "none")).parallelism(4).build().migrate();

        assertThat(again.succeeded()).isTrue();
        assertThat(again.targets().get(12).applied()).extracting(m -> m.version()).containsExactly("2", "3");
        assertThat(again.targets()).filteredOn(t -> !t.name().equals("tenant_13"))
                .allSatisfy(t -> assertThat(t.applied()).isEmpty());
        for (int i = 1; i <= PG_TENANTS; i++) {
            List<String> history = pgHistory(db, tenant(i));
            assertThat(history.stream().filter(r -> r.endsWith("SUCCESS"))).as(tenant(i))
                    .containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS", "3 APPLY SUCCESS");
            assertThat(db.query("SELECT tenant, balance FROM " + tenant(i) + ".accounts"))
                    .containsExactly(List.of(tenant(i), "0.00"));
        }
    }

    @Test
    void mariadb_databasesPerTenant_aFailingCanaryStopsTheRest() {
        List<TestDatabase> tenants = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tenants.add(databases.create(DatabaseKind.MARIADB));
        }
        List<FleetTarget> broken = new ArrayList<>();
        List<FleetTarget> fixed = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            TestDatabase db = tenants.get(i);
            FleetTarget t = FleetTarget.of(tenant(i), JdbcTarget.of(db.url(), db.user(), db.password()));
            broken.add(t.placeholders(Map.of("tenant", tenant(i), "table", i == 2 ? "no_such_table" : "accounts")));
            fixed.add(t.placeholders(Map.of("tenant", tenant(i), "table", "accounts")));
        }

        FleetResult first = fleet(broken).canary(tenant(2)).parallelism(3).onError(FleetErrorPolicy.continueAll())
                .build().migrate();

        assertThat(first.targets()).extracting(FleetTargetResult::outcome).containsExactly(FleetOutcome.SKIPPED,
                FleetOutcome.SKIPPED, FleetOutcome.FAILED, FleetOutcome.SKIPPED, FleetOutcome.SKIPPED);
        assertThat(Targets.tableExists(tenants.get(0), "migrator_history")).isFalse();
        // MariaDB commits DDL at once: version 1 stays; the failed INSERT left nothing and is retried as it is fixed.
        assertThat(Targets.history(tenants.get(2))).first().isEqualTo("1 APPLY SUCCESS");

        FleetResult again = fleet(fixed).canary(tenant(2)).parallelism(3).build().migrate();

        assertThat(again.succeeded()).as(again.summary()).isTrue();
        for (TestDatabase db : tenants) {
            assertThat(Targets.history(db).stream().filter(r -> r.endsWith("SUCCESS")))
                    .containsExactly("1 APPLY SUCCESS", "2 APPLY SUCCESS", "3 APPLY SUCCESS");
            assertThat(db.query("SELECT COUNT(*) FROM accounts")).containsExactly(List.of("1"));
        }
    }
}
