package dev.migrator.it.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.mongo.MongoTarget;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of docs/mongodb.md, against an in-process MongoDB server. */
class MongoDocsIT {
    private MongoServer server;
    private String connectionString;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void bootExample_migratesTheDatabase() {
        // tag::boot[]
        try (MongoClient client = MongoClients.create(connectionString)) {
            MigrateResult result = Migrator.builder()
                    .target(MongoTarget.of(client, "bank"))
                    .locations("classpath:db/mongodocs")
                    .build()
                    .migrate();
            // end::boot[]
            assertThat(result.applied()).extracting(m -> m.version() + " " + m.type())
                    .containsExactly("1 JSON", "2 JAVA");
            client.getDatabase("bank").getCollection("accounts").insertOne(new Document("iban", "DE02"));
            Migrator migrator = Migrator.builder().target(MongoTarget.of(client, "bank"))
                    .locations("classpath:db/mongodocs").build();
            // tag::rollback[]
            migrator.rollback(1);                       // runs V2__Default_currency.down(...)
            for (MigrationStatus s : migrator.info()) {
                System.out.println(s.version() + " " + s.description() + " " + s.state());
            }
            // end::rollback[]
            assertThat(migrator.info()).extracting(s -> s.version() + " " + s.state())
                    .containsExactly("1 APPLIED", "2 ROLLED_BACK", "2 PENDING");
            // Without transactions (a standalone server) each step is announced by a STARTED document first.
            assertThat(client.getDatabase("bank").getCollection("migrator_history").countDocuments())
                    .isEqualTo(6);
        }
    }
}
