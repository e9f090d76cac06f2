package dev.migrator.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.migrator.api.MigratorException;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryStore;
import dev.migrator.api.spi.TargetSession;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static dev.migrator.mongo.MigrationScenarios.SETTINGS;
import static dev.migrator.mongo.MongoFixtures.collectionNames;
import static dev.migrator.mongo.MongoFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The history collection as the engine uses it, on the in-process server. */
class MongoHistoryIT {
    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress bound = server.bind();
        client = MongoClients.create("mongodb://" + bound.getHostString() + ":" + bound.getPort());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aMissingHistoryReadsEmptyAndIsCreatedOnce() {
        try (TargetSession session = MongoTarget.of(client, "appdb").open(SETTINGS)) {
            HistoryStore history = session.history();

            assertThat(history.exists()).isFalse();
            assertThat(history.read()).isEmpty();
            history.create();
            history.create();

            assertThat(history.exists()).isTrue();
            assertThat(collectionNames(client.getDatabase("appdb"))).containsExactly("migrator_history");
            assertThat(client.getDatabase("appdb").getCollection("migrator_history").listIndexes()
                    .map(i -> i.get("key", Document.class).toJson())).contains("{\"rank\": 1}");
        }
    }

    @Test
    void theHistoryRefusesASecondRowWithTheSameRank() {
        try (TargetSession session = MongoTarget.of(client, "appdb").open(SETTINGS)) {
            session.history().create();
            session.history().append(row(1, "1"));

            assertThatThrownBy(() -> session.history().append(row(1, "2"))).isInstanceOf(MigratorException.class)
                    .hasMessageContaining("another instance already wrote history rank 1");
            assertThat(session.history().read()).extracting(HistoryRecord::version).containsExactly("1");
        }
    }

    @Test
    void rowsAreReadInRankOrderWhateverTheOrderTheyWereWritten() {
        try (TargetSession session = MongoTarget.of(client, "appdb").open(SETTINGS)) {
            session.history().create();
            session.history().append(row(2, "2"));
            session.history().append(row(1, "1"));
            session.history().append(row(3, "3"));

            assertThat(session.history().read()).extracting(HistoryRecord::rank).containsExactly(1, 2, 3);
        }
    }
}
