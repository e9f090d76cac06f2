package dev.migrator.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.migrator.core.Migrator;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway-style callbacks named for MongoDB's scripts ({@code afterMigrate.json}) run and leave no history. */
class MongoCallbacksIT {
    private MongoServer server;
    private MongoClient client;

    @TempDir
    Path dir;

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
    void jsonCallbacksRunAroundTheMigrations_andAreNotInTheHistory() throws IOException {
        Files.writeString(dir.resolve("V1__create_users.json"), "[{\"create\": \"users\"}]");
        Files.writeString(dir.resolve("beforeEachMigrate.json"),
                "[{\"insert\": \"callback_log\", \"documents\": [{\"event\": \"beforeEachMigrate\"}]}]");
        Files.writeString(dir.resolve("afterMigrate.json"),
                "[{\"insert\": \"callback_log\", \"documents\": [{\"event\": \"afterMigrate\", \"db\": "
                        + "\"${flyway:database}\"}]}]");

        Migrator.builder().target(MongoTarget.of(client, "app")).locations("filesystem:" + dir).build().migrate();

        assertThat(client.getDatabase("app").getCollection("callback_log").find()
                .map(d -> d.getString("event") + (d.containsKey("db") ? " " + d.getString("db") : "")))
                .containsExactly("beforeEachMigrate", "afterMigrate app");
        assertThat(client.getDatabase("app").getCollection("migrator_history").find()
                .map(d -> d.getString("script")).into(new java.util.ArrayList<>()))
                .containsOnly("V1__create_users.json");
        assertThat(client.getDatabase("app").getCollection("migrator_history").countDocuments(
                new Document("outcome", "SUCCESS"))).isEqualTo(1);
    }
}
