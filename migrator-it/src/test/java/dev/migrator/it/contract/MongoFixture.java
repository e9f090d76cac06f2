package dev.migrator.it.contract;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.migrator.api.Migration;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.mongo.MongoContext;
import dev.migrator.mongo.MongoMigration;
import dev.migrator.mongo.MongoTarget;
import org.bson.Document;

import java.net.InetSocketAddress;
import java.util.UUID;

/** A fresh MongoDB database: JSON command scripts, a lease lock. */
class MongoFixture extends TargetFixture {
    private static String inProcess;
    private final MongoClient client;
    private final MongoDatabase db;

    MongoFixture(String address) {
        client = MongoClients.create(address);
        db = client.getDatabase("contract_" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** On mongo-java-server in this JVM, which has no transactions: no migration is atomic. */
    static MongoFixture inProcess() {
        synchronized (MongoFixture.class) {
            if (inProcess == null) {
                InetSocketAddress bound = new MongoServer(new MemoryBackend()).bind();
                inProcess = "mongodb://" + bound.getHostString() + ":" + bound.getPort();
            }
        }
        return new MongoFixture(inProcess);
    }

    @Override
    MigrationTarget rawTarget() {
        return MongoTarget.of(client, db.getName());
    }

    @Override
    String create(String name) {
        return "{\"create\": \"" + name + "\"}";
    }

    @Override
    String drop(String name) {
        return "{\"drop\": \"" + name + "\"}";
    }

    @Override
    String insert(String table, int id) {
        return "{\"insert\": \"" + table + "\", \"documents\": [{\"_id\": " + id + "}]}";
    }

    @Override
    String deleteAll(String table) {
        return "{\"delete\": \"" + table + "\", \"deletes\": [{\"q\": {}, \"limit\": 0}]}";
    }

    /** Fails without creating anything (an update or insert would create its collection first). */
    @Override
    String failing() {
        return "{\"collMod\": \"missing_table\"}";
    }

    @Override
    String script(String... statements) {
        return "[\n  " + String.join(",\n  ", statements) + "\n]\n";
    }

    @Override
    void execute(String statement) {
        db.runCommand(Document.parse(statement));
    }

    @Override
    long count(String table) {
        return db.getCollection(table).countDocuments();
    }

    @Override
    Migration<?> javaCreate(String version, String table) {
        return new CreateCollection(version, table);
    }

    /** A Java migration that creates a collection and drops it when undone. */
    private record CreateCollection(String version, String table) implements MongoMigration {
        @Override
        public void up(MongoContext context) {
            context.database().createCollection(table);
        }

        @Override
        public void down(MongoContext context) {
            context.database().getCollection(table).drop();
        }

        @Override
        public String description() {
            return "Create " + table;
        }
    }

    @Override
    public void close() {
        db.drop();
        client.close();
    }

    @Override
    public String toString() {
        return "MongoInProcess";
    }
}
