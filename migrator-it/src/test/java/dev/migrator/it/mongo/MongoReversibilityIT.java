package dev.migrator.it.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.migrator.core.Migrator;
import dev.migrator.mongo.MongoTarget;
import dev.migrator.testkit.ReversibilityCheck;
import dev.migrator.testkit.SchemaSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The testkit on MongoDB: the same check, through the same SPI, against an in-process server. */
class MongoReversibilityIT {
    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private Migrator.Builder migrator(String story) {
        return Migrator.builder().target(MongoTarget.of(client, "shop")).locations("classpath:db/mongo-reversibility/" + story);
    }

    @Test
    void goodDowns_passTheCheck_andTheDatabaseEndsFullyMigrated() {
        ReversibilityCheck.of(migrator("good")).verify();

        SchemaSnapshot snapshot = SchemaSnapshot.of(migrator("good").build());
        assertThat(snapshot.toString()).contains("customers", "email_1", "segment_1")
                .doesNotContain("migrator_history", "migrator_lock");
    }

    @Test
    void aDownThatForgetsAnIndex_failsTheCheck_namingTheVersionAndTheIndex() {
        assertThatThrownBy(() -> ReversibilityCheck.of(migrator("forgets-index")).verify())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Version 2 (V2__Index_segments.json)")
                .hasMessageContaining("segment_1");
    }
}
