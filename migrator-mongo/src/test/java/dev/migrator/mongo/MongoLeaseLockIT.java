package dev.migrator.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The lease document, driven directly with clocks the test sets. */
class MongoLeaseLockIT {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> locks;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress bound = server.bind();
        client = MongoClients.create("mongodb://" + bound.getHostString() + ":" + bound.getPort());
        locks = client.getDatabase("appdb").getCollection("migrator_lock");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void onlyOneOwnerHoldsTheLeaseUntilItIsReleased() {
        MongoLeaseLock lock = lockAt(NOW);

        assertThat(lock.tryAcquire("a", LEASE)).isTrue();
        assertThat(lock.tryAcquire("b", LEASE)).isFalse();
        lock.release("b");
        assertThat(lock.tryAcquire("b", LEASE)).as("b's release did not free a's lease").isFalse();
        lock.release("a");
        assertThat(lock.tryAcquire("b", LEASE)).isTrue();
        assertThat(locks.find().first()).extracting(d -> d.get("_id"), d -> d.get("owner"))
                .containsExactly("migrator_history", "b");
    }

    @Test
    void renewingExtendsTheLeaseOnlyForItsOwner() {
        assertThat(lockAt(NOW).tryAcquire("a", LEASE)).isTrue();

        assertThat(lockAt(NOW.plusSeconds(20)).renew("a", LEASE)).isTrue();
        assertThat(lockAt(NOW.plusSeconds(20)).renew("b", LEASE)).isFalse();

        assertThat(lockAt(NOW.plusSeconds(40)).tryAcquire("b", LEASE)).as("renewed until 50 s").isFalse();
        assertThat(lockAt(NOW.plusSeconds(51)).tryAcquire("b", LEASE)).isTrue();
        assertThat(lockAt(NOW.plusSeconds(52)).renew("a", LEASE)).as("a lost it").isFalse();
    }

    @Test
    void closingASessionReleasesWhatItStillHolds() {
        MongoLeaseLock lock = lockAt(NOW);
        assertThat(lock.tryAcquire("a", LEASE)).isTrue();

        lock.releaseHeld();

        assertThat(locks.countDocuments()).isZero();
    }

    @Test
    void releaseNeverThrowsEvenWhenTheServerIsGone() {
        MongoLeaseLock lock = lockAt(NOW);
        assertThat(lock.tryAcquire("a", LEASE)).isTrue();
        server.shutdownNow();

        MongoClient unreachable = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200");
        try (unreachable) {
            new MongoLeaseLock(unreachable.getDatabase("appdb").getCollection("migrator_lock"), "migrator_history",
                    Clock.fixed(NOW, ZoneOffset.UTC)).release("a");
        }
    }

    private MongoLeaseLock lockAt(Instant now) {
        return new MongoLeaseLock(locks, "migrator_history", Clock.fixed(now, ZoneOffset.UTC));
    }
}
