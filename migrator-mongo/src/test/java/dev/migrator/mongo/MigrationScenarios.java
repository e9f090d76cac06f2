package dev.migrator.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import db.mongo.basic.V2__Backfill_names;
import dev.migrator.api.ConfigurationException;
import dev.migrator.api.LockTimeoutException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.ValidationException;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.MigrationState;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.MigrationType;
import dev.migrator.core.Migrator;
import dev.migrator.core.PlannedMigration;
import dev.migrator.core.RollbackResult;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.migrator.mongo.MongoFixtures.collectionNames;
import static dev.migrator.mongo.MongoFixtures.copyScripts;
import static dev.migrator.mongo.MongoFixtures.history;
import static dev.migrator.mongo.MongoFixtures.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every MongoDB server must do, whether or not it has transactions. Subclasses say which server, and test
 * what differs: how a failure part-way through a script ends.
 */
abstract class MigrationScenarios {
    static final String BASIC = "classpath:db/mongo/basic";
    static final TargetSettings SETTINGS = new TargetSettings(null, "migrator_history", "migrator_lock");

    MongoClient client;
    String databaseName;

    /** A {@code mongodb://} address of the server under test. */
    abstract String connectionString();

    @BeforeEach
    void connect() {
        client = MongoClients.create(connectionString());
        databaseName = "it_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void dropAndDisconnect() {
        client.getDatabase(databaseName).drop();
        client.close();
    }

    @Test
    void migrateAppliesScriptsAndAJavaMigrationAndRecordsEachInTheHistory() {
        MigrateResult result = migrator(BASIC).build().migrate();

        assertThat(result.applied()).extracting(a -> a.version()).containsExactly("1", "2", "3");
        assertThat(result.versionBefore()).isNull();
        assertThat(result.versionAfter()).isEqualTo("3");
        assertThat(collectionNames(db())).contains("users", "orders", "migrator_history");
        assertThat(db().getCollection("users").find().map(d -> d.getString("email")))
                .containsExactlyInAnyOrderElementsOf(V2__Backfill_names.EMAILS);
        List<Document> applied = history(db()).stream().filter(d -> d.getString("outcome").equals("SUCCESS"))
                .toList();
        assertThat(applied).extracting(d -> d.get("version"), d -> d.get("type"), d -> d.get("script"),
                d -> d.get("action")).containsExactly(
                tuple("1", "JSON", "V1__create_users.json", "APPLY"),
                tuple("2", "JAVA", V2__Backfill_names.class.getName(), "APPLY"),
                tuple("3", "JSON", "V3__create_orders.json", "APPLY"));
        Document first = applied.get(0);
        assertThat(first.keySet()).containsExactlyInAnyOrder("_id", "rank", "version", "description", "type",
                "script", "checksum", "action", "outcome", "installedBy", "databaseUser", "host", "toolVersion",
                "runId", "installedOn", "executionMillis", "error", "sessionId", "progress", "note");
        assertThat(first.get("installedOn")).isInstanceOf(Date.class);
        assertThat(first.getString("checksum")).matches("v2:[0-9a-f]{8}");
        assertThat(first.getString("databaseUser")).isEmpty();
        assertThat(history(db())).extracting(d -> d.getInteger("rank")).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void driftIsEmptyAfterMigrate_andNamesACollectionCreatedByHand_whileANoOpBootStoresNoSnapshot() {
        Migrator migrator = migrator(BASIC).build();
        migrator.migrate();
        migrator.migrate();

        assertThat(migrator.checkDrift()).isEmpty();
        assertThat(db().getCollection("migrator_snapshot").countDocuments()).isEqualTo(1);
        db().createCollection("by_hand");

        assertThat(migrator.checkDrift()).containsExactly(
                "collection by_hand: present now, absent after the last migration run",
                "index by_hand._id_: present now, absent after the last migration run");
    }

    @Test
    void infoShowsEveryMigrationPendingThenApplied() {
        Migrator migrator = migrator(BASIC).build();

        List<MigrationStatus> before = migrator.info();
        assertThat(collectionNames(db())).as("info() creates nothing").isEmpty();
        migrator.migrate();
        List<MigrationStatus> after = migrator.info();

        assertThat(before).extracting(MigrationStatus::version, MigrationStatus::type, MigrationStatus::state,
                MigrationStatus::reversible).containsExactly(
                tuple("1", MigrationType.JSON, MigrationState.PENDING, true),
                tuple("2", MigrationType.JAVA, MigrationState.PENDING, true),
                tuple("3", MigrationType.JSON, MigrationState.PENDING, true));
        assertThat(after).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
        assertThat(after).allSatisfy(s -> assertThat(s.installedOn()).isNotNull());
    }

    @Test
    void planListsEveryCommandAsItWouldRun() {
        List<PlannedMigration> planned = migrator(BASIC).build().plan().migrations();

        assertThat(planned.get(0).statements()).containsExactly("{\"create\": \"users\"}",
                "{\"createIndexes\": \"users\", \"indexes\": [{\"key\": {\"email\": 1}, \"name\": \"email_1\", "
                        + "\"unique\": true}]}");
        assertThat(planned.get(0).transactional()).as("DDL never runs in a transaction").isFalse();
        assertThat(planned.get(1).statements()).isEmpty();
        assertThat(collectionNames(db())).as("plan() creates nothing").isEmpty();
    }

    @Test
    void validateCatchesAScriptEditedAfterItWasApplied(@TempDir Path dir) throws IOException {
        copyScripts("db/mongo/basic", dir, "V1__create_users.json", "U1__create_users.json");
        Migrator migrator = migrator("filesystem:" + dir).build();
        migrator.migrate();
        migrator.validate();

        Files.writeString(dir.resolve("V1__create_users.json"), "[{\"create\": \"users\", \"capped\": false}]");

        assertThatThrownBy(migrator::validate).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.problems()).singleElement().asString().contains("V1__create_users.json (version 1)")
                        .contains("the script changed since it was applied"));
    }

    @Test
    void rollbackRunsUndoScriptsAndDownThenMigrateAppliesThemAgain() {
        Migrator migrator = migrator(BASIC).build();
        migrator.migrate();

        RollbackResult one = migrator.rollback(1);
        assertThat(one.undone()).extracting(a -> a.version()).containsExactly("3");
        assertThat(collectionNames(db())).doesNotContain("orders");

        RollbackResult toOne = migrator.rollbackTo("1");
        assertThat(toOne.undone()).extracting(a -> a.version()).containsExactly("2");
        assertThat(toOne.versionAfter()).isEqualTo("1");
        assertThat(db().getCollection("users").countDocuments()).as("down() removed the backfill").isZero();
        assertThat(migrator.info()).extracting(MigrationStatus::version, MigrationStatus::state).containsExactly(
                tuple("1", MigrationState.APPLIED),
                tuple("2", MigrationState.ROLLED_BACK), tuple("2", MigrationState.PENDING),
                tuple("3", MigrationState.ROLLED_BACK), tuple("3", MigrationState.PENDING));

        MigrateResult again = migrator.migrate();
        assertThat(again.applied()).extracting(a -> a.version()).containsExactly("2", "3");
        assertThat(migrator.info()).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
        assertThat(db().getCollection("users").countDocuments()).isEqualTo(2);
        assertThat(collectionNames(db())).contains("orders");
    }

    @Test
    void aFailingFirstCommandLeavesNothingAndTheMigrationStaysPending() {
        Migrator migrator = migrator("classpath:db/mongo/first-command-fails").build();

        assertThatThrownBy(migrator::migrate).isInstanceOfSatisfying(MigrationFailedException.class, e -> {
            assertThat(e.script()).isEqualTo("V1__Unknown_command.json");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.leftChanges()).isFalse();
            assertThat(e.getMessage()).contains("at line 2 (statement 1)").contains("noSuchCommand");
        });

        assertThat(migrator.info()).extracting(MigrationStatus::state).containsExactly(MigrationState.PENDING);
        assertThat(last(history(db())).getString("outcome")).isEqualTo("REVERTED");
        assertThat(collectionNames(db())).doesNotContain("never_created");
    }

    @Test
    void aScriptThatCannotBeParsedIsRefusedBeforeAnythingIsCreated() {
        Migrator migrator = migrator("classpath:db/mongo/malformed").build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("V1__Missing_value.json line 4: the command at index 1 is not valid JSON");
        assertThat(collectionNames(db())).isEmpty();
    }

    @RepeatedTest(3)
    @Timeout(120)
    void eightConcurrentEnginesApplyEveryMigrationExactlyOnce() throws Exception {
        int engines = 8;
        ExecutorService pool = Executors.newFixedThreadPool(engines);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<MigrateResult>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < engines; i++) {
                runs.add(pool.submit(() -> {
                    try (MongoClient own = MongoClients.create(connectionString())) {
                        Migrator migrator = Migrator.builder().target(MongoTarget.of(own, databaseName))
                                .locations(BASIC).build();
                        go.await();
                        return migrator.migrate();
                    }
                }));
            }
            go.countDown();
            List<MigrateResult> results = new ArrayList<>();
            for (Future<MigrateResult> run : runs) {
                results.add(run.get(90, TimeUnit.SECONDS));
            }

            assertThat(results.stream().mapToInt(r -> r.applied().size()).sum()).isEqualTo(3);
            assertThat(results).extracting(MigrateResult::versionAfter).containsOnly("3");
            assertThat(history(db())).filteredOn(d -> d.getString("outcome").equals("SUCCESS"))
                    .extracting(d -> d.getString("version")).containsExactly("1", "2", "3");
            assertThat(db().getCollection("users").countDocuments()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLeaseLeftByADeadInstanceIsTakenOverOnceItExpires() {
        locks().insertOne(new Document("_id", "migrator_history").append("owner", "dead-instance")
                .append("expiresAt", Date.from(Instant.now().minusSeconds(60))));

        MigrateResult result = migrator(BASIC).build().migrate();

        assertThat(result.applied()).hasSize(3);
        assertThat(locks().countDocuments()).as("released after the run").isZero();
    }

    @Test
    void aLiveLeaseMakesMigrateWaitUntilTheLockTimeout() {
        locks().insertOne(new Document("_id", "migrator_history").append("owner", "live-instance")
                .append("expiresAt", Date.from(Instant.now().plusSeconds(3600))));
        Migrator migrator = migrator(BASIC).lockTimeout(Duration.ofSeconds(1)).build();

        assertThatThrownBy(migrator::migrate).isInstanceOf(LockTimeoutException.class)
                .hasMessageContaining("longer than lockTimeout (1 s); nothing was changed");
        assertThat(collectionNames(db())).containsExactly("migrator_lock");
        assertThat(locks().find().first().getString("owner")).isEqualTo("live-instance");
    }

    @Test
    void aSnapshotListsCollectionsAndIndexesButNotTheHistoryOrTheLock() {
        migrator(BASIC).build().migrate();
        assertThat(collectionNames(db())).contains("migrator_history", "migrator_lock");

        SchemaModel model;
        try (TargetSession session = MongoTarget.of(client, databaseName).open(SETTINGS)) {
            model = session.snapshot();
        }

        assertThat(model.objects()).extracting(SchemaObject::kind, SchemaObject::name).contains(
                tuple("collection", "users"), tuple("collection", "orders"), tuple("index", "users._id_"),
                tuple("index", "users.email_1"), tuple("index", "orders.customer_placedOn"));
        assertThat(model.objects()).extracting(SchemaObject::name).noneMatch(n -> n.startsWith("migrator_"));
        SchemaObject email = model.objects().stream().filter(o -> o.name().equals("users.email_1")).findFirst()
                .orElseThrow();
        assertThat(email.attributes()).containsEntry("keys", "{\"email\": 1}").containsEntry("unique", "true")
                .containsEntry("sparse", "false");
        SchemaObject orders = model.objects().stream().filter(o -> o.name().equals("orders.customer_placedOn"))
                .findFirst().orElseThrow();
        assertThat(orders.attributes()).containsEntry("keys", "{\"customer\": 1, \"placedOn\": -1}");
    }

    @Test
    void theSchemaSettingNamesTheDatabaseToMigrate() {
        Migrator migrator = Migrator.builder().target(MongoTarget.of(client, "not_this_one")).schema(databaseName)
                .locations(BASIC).build();

        assertThat(migrator.migrate().target()).contains(databaseName);
        assertThat(collectionNames(db())).contains("users", "migrator_history");
        assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain("not_this_one");
    }

    Migrator.Builder migrator(String location) {
        return Migrator.builder().target(MongoTarget.of(client, databaseName)).locations(location);
    }

    MongoDatabase db() {
        return client.getDatabase(databaseName);
    }

    MongoCollection<Document> locks() {
        return db().getCollection("migrator_lock");
    }
}
