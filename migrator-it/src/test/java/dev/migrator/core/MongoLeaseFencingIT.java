package dev.migrator.core;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.migrator.api.LostLockException;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
        Clock clockOfA = new LeaseTakeover.TestClock(Duration.ZERO);
        Clock clockOfB = new LeaseTakeover.TestClock(LEASE.multipliedBy(2));
        LeaseTakeover takeover = new LeaseTakeover();
        Migrator a = migrator(clockOfA, takeover.stallBefore("2"), "A");
        Migrator b = migrator(clockOfB, new MigrationListener() { }, "B");

        LeaseTakeover.Outcome race = takeover.race(a, b);

        assertThat(race.second().applied()).extracting(AppliedMigration::version).containsExactly("2");
        assertThat(race.lost()).isInstanceOf(LostLockException.class).hasMessageContaining("was taken over");
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
}
