package dev.migrator.core;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.migrator.api.LostLockException;
import dev.migrator.api.MigrationEvent;
import dev.migrator.api.MigrationListener;
import dev.migrator.mongo.MongoContext;
import dev.migrator.mongo.MongoMigration;
import dev.migrator.mongo.MongoTarget;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue #13 item 3 on MongoDB (in-process server, lease lock): a holder stalled past its lease stops before its next
 * migration, and a history document already on its way after the lease was taken over is refused by the fence.
 */
class MongoLeaseFencingIT {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    @Timeout(60)
    void historyDocumentInFlightWhenTheLeaseWasTakenOver_isRefused_andTheNewHolderAppliesItOnce() throws Exception {
        Clock clockOfA = new OffsetClock(0);
        Clock clockOfB = new OffsetClock(LEASE.multipliedBy(2).toMillis());
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch takenOver = new CountDownLatch(1);
        Migrator a = migrator(clockOfA, before("2", () -> {
            stalled.countDown();
            takenOver.await(30, TimeUnit.SECONDS);
        }), "A");
        Migrator b = migrator(clockOfB, new MigrationListener() { }, "B");

        CompletableFuture<MigrateResult> first = CompletableFuture.supplyAsync(a::migrate);
        stalled.await(30, TimeUnit.SECONDS);
        MigrateResult second = b.migrate();
        takenOver.countDown();
        Throwable lost = catchThrowable(() -> first.get(30, TimeUnit.SECONDS)).getCause();

        assertThat(second.applied()).extracting(AppliedMigration::version).containsExactly("2");
        assertThat(lost).isInstanceOf(LostLockException.class).hasMessageContaining("was taken over");
        List<String> rows = new ArrayList<>();
        client.getDatabase("app").getCollection("migrator_history").find().sort(new Document("rank", 1))
                .forEach(d -> rows.add(d.getString("version") + " " + d.getString("outcome")));
        assertThat(rows).filteredOn(r -> r.endsWith("SUCCESS")).containsExactly("1 SUCCESS", "2 SUCCESS");
    }

    private Migrator migrator(Clock clock, MigrationListener listener, String who) {
        return Migrator.builder().target(MongoTarget.of(client, "app")).locations("classpath:db/lease-fencing")
                .migrations(new Step("1", who), new Step("2", who)).clock(clock).lease(LEASE).listener(listener)
                .lockTimeout(Duration.ofSeconds(20)).build();
    }

    private static MigrationListener before(String version, Pause pause) {
        return new MigrationListener() {
            @Override
            public void beforeMigration(MigrationEvent event) {
                if (version.equals(event.version())) {
                    try {
                        pause.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
    }

    @FunctionalInterface
    private interface Pause {
        void await() throws InterruptedException;
    }

    /** A migration that records which engine ran it. */
    private record Step(String version, String who) implements MongoMigration {
        @Override
        public void up(MongoContext context) {
            context.database().getCollection("applied_log").insertOne(new Document("step", version).append("by", who));
        }

        @Override
        public String description() {
            return "step " + version;
        }
    }

    /** A clock running {@code offsetMillis} ahead of the system's. */
    private static final class OffsetClock extends Clock {
        private final AtomicLong offsetMillis;

        OffsetClock(long offsetMillis) {
            this.offsetMillis = new AtomicLong(offsetMillis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plusMillis(offsetMillis.get());
        }
    }
}
