package dev.migrator.mongo;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.migrator.api.spi.SnapshotStore;
import org.bson.Document;

import java.util.Date;

/**
 * The snapshot collection {@code migrator_snapshot}: one document per run that changed the schema, keyed by the
 * history collection and a sequence number (the encoded snapshot is a few kilobytes, far below the document limit).
 * Written under the migration lock, so sequence numbers do not race; read only by a drift check.
 */
final class MongoSnapshotStore implements SnapshotStore {
    private final MongoDatabase database;
    private final String history;
    private final MongoCollection<Document> snapshots;

    MongoSnapshotStore(MongoDatabase database, String history) {
        this.database = database;
        this.history = history;
        this.snapshots = database.getCollection(TABLE).withWriteConcern(WriteConcern.MAJORITY);
    }

    @Override
    public void append(StoredSnapshot snapshot) {
        try {
            Document newest = newest();
            int seq = newest == null ? 1 : newest.getInteger("seq") + 1;
            snapshots.insertOne(new Document("history", history).append("seq", seq)
                    .append("runId", snapshot.runId()).append("version", snapshot.version())
                    .append("takenOn", Date.from(snapshot.takenOn())).append("content", snapshot.content()));
        } catch (MongoException e) {
            throw MongoErrors.failure("Could not store the schema snapshot in " + database.getName() + "." + TABLE
                    + ": " + MongoErrors.reason(e), e);
        }
    }

    @Override
    public StoredSnapshot latest() {
        try {
            if (database.listCollectionNames().filter(Filters.eq("name", TABLE)).first() == null) {
                return null;
            }
            Document d = newest();
            return d == null ? null : new StoredSnapshot(d.getString("runId"), d.getString("version"),
                    d.getDate("takenOn").toInstant(), d.getString("content"));
        } catch (MongoException e) {
            throw MongoErrors.failure("Could not read the schema snapshot from " + database.getName() + "." + TABLE
                    + ": " + MongoErrors.reason(e), e);
        }
    }

    private Document newest() {
        return snapshots.find(Filters.eq("history", history)).sort(Sorts.descending("seq")).first();
    }
}
