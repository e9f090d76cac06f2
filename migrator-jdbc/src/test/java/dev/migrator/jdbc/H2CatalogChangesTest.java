package dev.migrator.jdbc;

import dev.migrator.core.Fleet;
import dev.migrator.core.FleetResult;
import dev.migrator.core.FleetTarget;
import dev.migrator.core.FleetTargetResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.internal.H2Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 2.3 deadlocks two DDL statements that run at once in one database (one waits for the catalogue's lock inside
 * the database's monitor, the other holds that lock and needs the monitor) until its lock timeout: a fleet of
 * schemas in one H2 database failed a tenant with "Timeout trying to lock table SYS" about once in 40 runs. H2 runs
 * migrator's catalogue changes one at a time in the JVM.
 */
@Timeout(300)
class H2CatalogChangesTest {
    private static final int TENANTS = 8;
    private static final int ROUNDS = 12;

    @TempDir
    Path dir;

    private final String unitUrl = "jdbc:h2:mem:catalog-unit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void aSecondCatalogueChange_waitsUntilTheFirstEnds() throws Exception {
        H2Dialect h2 = new H2Dialect();
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection one = connect(); Connection two = connect()) {
            Future<?> first = pool.submit(() -> {
                h2.changingCatalog(one, () -> {
                    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    firstIn.countDown();
                    await(firstMayEnd);
                    inside.decrementAndGet();
                });
                return null;
            });
            assertThat(firstIn.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> {
                h2.changingCatalog(two, () -> mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max));
                return null;
            });

            Thread.sleep(200);
            assertThat(second).isNotDone();
            firstMayEnd.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mostInside).hasValue(1);
    }

    /**
     * A session commits its open transaction before it waits, as H2 commits it when the DDL starts: otherwise a row
     * it wrote (a STARTED row, a tenant's data in a schema two histories share) could hold up the holder's DDL.
     */
    @Test
    void aSessionWaitingToChangeTheCatalogue_hasCommittedItsTransaction() throws Exception {
        H2Dialect h2 = new H2Dialect();
        CountDownLatch holderIn = new CountDownLatch(1);
        CountDownLatch holderMayEnd = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = connect(); Connection waiter = connect(); Connection reader = connect()) {
            reader.createStatement().execute("CREATE TABLE rows_written (id INT PRIMARY KEY)");
            Future<?> holding = pool.submit(() -> {
                h2.changingCatalog(holder, () -> {
                    holderIn.countDown();
                    await(holderMayEnd);
                });
                return null;
            });
            assertThat(holderIn.await(10, TimeUnit.SECONDS)).isTrue();
            waiter.setAutoCommit(false);
            waiter.createStatement().executeUpdate("INSERT INTO rows_written VALUES (1)");

            Future<?> waiting = pool.submit(() -> {
                h2.changingCatalog(waiter, () -> { });
                return null;
            });

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int visible = 0;
            while (visible == 0 && System.nanoTime() < deadline) {
                try (ResultSet rs = reader.createStatement().executeQuery("SELECT COUNT(*) FROM rows_written")) {
                    rs.next();
                    visible = rs.getInt(1);
                }
            }
            assertThat(visible).isEqualTo(1);
            assertThat(waiting).isNotDone();
            holderMayEnd.countDown();
            holding.get(10, TimeUnit.SECONDS);
            waiting.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(unitUrl, "sa", "");
    }

    @Test
    void tenantsInSchemasOfOneH2Database_migrateAtOnce_everyOneSucceeding() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("db/tenant"));
        for (int v = 1; v <= 4; v++) {
            Files.writeString(scripts.resolve("V" + v + "__Tables_" + v + ".sql"), String.join("\n",
                    "CREATE TABLE a" + v + " (id INT PRIMARY KEY, name VARCHAR(40));",
                    "CREATE TABLE b" + v + " (id INT PRIMARY KEY, a_id INT REFERENCES a" + v + "(id));",
                    "CREATE INDEX b" + v + "_a ON b" + v + " (a_id);",
                    "INSERT INTO a" + v + " VALUES (1, 'one');"));
        }

        for (int round = 0; round < ROUNDS; round++) {
            // H2's own lock timeout (2 s): a deadlock fails its tenant within the round.
            String url = "jdbc:h2:mem:catalog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            List<FleetTarget> tenants = new ArrayList<>();
            for (int i = 0; i < TENANTS; i++) {
                tenants.add(FleetTarget.of("tenant" + i, JdbcTarget.of(url, "sa", "")).schema("tenant" + i));
            }

            FleetResult result = Fleet.builder().template(Migrator.builder().locations("filesystem:" + scripts))
                    .targets(tenants).parallelism(4).build().migrate();

            assertThat(result.targets()).as("round %d", round).allSatisfy(t -> assertThat(t.error())
                    .as(t.name()).isNull());
            assertThat(result.targets()).extracting(FleetTargetResult::applied).allSatisfy(a -> assertThat(a)
                    .hasSize(4));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
