package dev.migrator.mongo;

import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.core.MigrationState;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.migrator.mongo.MongoFixtures.copyScripts;
import static dev.migrator.mongo.MongoFixtures.historyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The scenarios on a real single-node replica set, which has transactions: a script of data commands, and a Java
 * migration, commit together with their history document or not at all. Skipped where Docker is not available.
 */
@Testcontainers(disabledWithoutDocker = true)
class ReplicaSetMongoIT extends MigrationScenarios {
    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Override
    String connectionString() {
        return MONGO.getReplicaSetUrl();
    }

    @Test
    void dataOnlyScriptsAndJavaMigrationsRunInATransactionButDdlDoesNot() {
        try (TargetSession session = MongoTarget.of(client, databaseName).open(SETTINGS)) {
            assertThat(session.describe()).startsWith("MongoDB 7.0").contains("replica set");
            assertThat(session.prepareScript("V1__x.json", "[{\"insert\": \"a\", \"documents\": [{}]}, "
                    + "{\"update\": \"a\", \"updates\": [{\"q\": {}, \"u\": {\"$set\": {\"b\": 1}}}]}]").atomic())
                    .isTrue();
            assertThat(session.prepareScript("V1__x.json", "[{\"create\": \"a\"}]").atomic()).isFalse();
            assertThat(session.prepareJava(new db.mongo.basic.V2__Backfill_names(), false).atomic()).isTrue();
            MongoMigration outside = new MongoMigration() {
                @Override
                public void up(MongoContext ctx) {
                }

                @Override
                public boolean transactional() {
                    return false;
                }
            };
            assertThat(session.prepareJava(outside, false).atomic()).isFalse();
        }
    }

    @Test
    void aFailingScriptInATransactionLeavesNothingAndIsPendingAgain(@TempDir Path dir) throws IOException {
        copyScripts("db/mongo/failing", dir, "V1__create_users.json", "V2__Insert_then_bad_update.json");
        Migrator migrator = migrator("filesystem:" + dir).build();

        assertThatThrownBy(migrator::migrate).isInstanceOfSatisfying(MigrationFailedException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.leftChanges()).isFalse();
            assertThat(e.getMessage()).contains("failed at line 3 (statement 2)")
                    .contains("Its transaction was rolled back");
        });
        assertThat(historyOf(db(), "2")).extracting(d -> d.getString("outcome")).containsExactly("REVERTED");
        assertThat(db().getCollection("users").countDocuments()).as("the insert was rolled back").isZero();
        assertThat(migrator.info()).extracting(MigrationStatus::version, MigrationStatus::state)
                .containsExactly(tuple("1", MigrationState.APPLIED), tuple("2", MigrationState.PENDING));

        Files.writeString(dir.resolve("V2__Insert_then_bad_update.json"),
                "[{\"insert\": \"users\", \"documents\": [{\"email\": \"grace@example.com\"}]}]");
        assertThat(migrator.migrate().applied()).extracting(a -> a.version()).containsExactly("2");
        assertThat(db().getCollection("users").countDocuments()).isEqualTo(1);
    }

    @Test
    void aFailingJavaMigrationInATransactionLeavesNothing() {
        Migrator migrator = migrator("classpath:db/mongo/javafails").build();

        assertThatThrownBy(migrator::migrate).isInstanceOfSatisfying(MigrationFailedException.class,
                e -> assertThat(e.leftChanges()).isFalse());
        assertThat(migrator.info()).extracting(MigrationStatus::state).containsExactly(MigrationState.PENDING);
        assertThat(db().getCollection("half").countDocuments()).isZero();
    }
}
