package dev.migrator.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.core.MigrationState;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.migrator.mongo.MongoFixtures.copyScripts;
import static dev.migrator.mongo.MongoFixtures.historyOf;
import static dev.migrator.mongo.MongoFixtures.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The scenarios on an in-process server (mongo-java-server), which, like a standalone mongod, has no transactions:
 * every migration runs command by command.
 */
class InProcessMongoIT extends MigrationScenarios {
    private static MongoServer server;
    private static String address;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress bound = server.bind();
        address = "mongodb://" + bound.getHostString() + ":" + bound.getPort();
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    @Override
    String connectionString() {
        return address;
    }

    @Test
    void withoutTransactionsNoMigrationIsAtomic() {
        try (TargetSession session = MongoTarget.of(client, databaseName).open(SETTINGS)) {
            assertThat(session.describe()).startsWith("MongoDB ").contains(databaseName).endsWith("(standalone)");
            assertThat(session.prepareScript("V1__x.json", "[{\"insert\": \"a\", \"documents\": [{}]}]").atomic())
                    .isFalse();
            assertThat(session.prepareJava(new db.mongo.basic.V2__Backfill_names(), false).atomic()).isFalse();
        }
    }

    @Test
    void aCommandFailingAfterOthersRanIsFailedUntilRepair(@TempDir Path dir) throws IOException {
        copyScripts("db/mongo/failing", dir, "V1__create_users.json", "V2__Insert_then_bad_update.json");
        Migrator migrator = migrator("filesystem:" + dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOfSatisfying(MigrationFailedException.class, e -> {
            assertThat(e.version()).isEqualTo("2");
            assertThat(e.script()).isEqualTo("V2__Insert_then_bad_update.json");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.statement()).startsWith("{\"update\": \"users\"");
            assertThat(e.leftChanges()).isTrue();
            assertThat(e.getMessage()).contains("V2__Insert_then_bad_update.json (version 2) failed at line 3 "
                    + "(statement 2)").contains("recorded as FAILED");
        });
        assertThat(historyOf(db(), "2")).extracting(d -> d.getString("outcome")).containsExactly("STARTED", "FAILED");
        assertThat(last(historyOf(db(), "2")).getString("error")).startsWith("at line 3 (statement 2): ");
        assertThat(migrator.info()).extracting(MigrationStatus::version, MigrationStatus::state)
                .containsExactly(tuple("1", MigrationState.APPLIED), tuple("2", MigrationState.FAILED));
        assertThat(db().getCollection("users").countDocuments()).as("the insert stayed").isEqualTo(1);

        assertThatThrownBy(migrator::migrate).isInstanceOf(ValidationException.class)
                .hasMessageContaining("run repair()");

        assertThat(migrator.repair().clearedFailures()).containsExactly("2");
        Files.writeString(dir.resolve("V2__Insert_then_bad_update.json"),
                "[{\"update\": \"users\", \"updates\": [{\"q\": {}, \"u\": {\"$set\": {\"name\": \"Grace\"}}}]}]");
        assertThat(migrator.migrate().applied()).extracting(a -> a.version()).containsExactly("2");
        assertThat(migrator.info()).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
    }

    @Test
    void aFailingJavaMigrationWithoutATransactionIsFailed() {
        Migrator migrator = migrator("classpath:db/mongo/javafails").build();

        assertThatThrownBy(migrator::migrate).isInstanceOfSatisfying(MigrationFailedException.class, e -> {
            assertThat(e.leftChanges()).isTrue();
            assertThat(e.line()).isZero();
            assertThat(e.getCause()).hasMessage("half way");
        });
        assertThat(migrator.info()).extracting(MigrationStatus::state).containsExactly(MigrationState.FAILED);
        assertThat(db().getCollection("half").countDocuments()).isEqualTo(1);
    }
}
