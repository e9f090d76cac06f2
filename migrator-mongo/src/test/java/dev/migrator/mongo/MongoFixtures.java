package dev.migrator.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.migrator.api.spi.HistoryRecord;
import org.bson.Document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the MongoDB tests read back from a database, and fixtures they copy or build. */
final class MongoFixtures {
    private MongoFixtures() {
    }

    static List<String> collectionNames(MongoDatabase db) {
        return db.listCollectionNames().into(new ArrayList<>());
    }

    /** The history documents as stored, in rank order. */
    static List<Document> history(MongoDatabase db) {
        return db.getCollection("migrator_history").find().sort(Sorts.ascending("rank")).into(new ArrayList<>());
    }

    static List<Document> historyOf(MongoDatabase db, String version) {
        return db.getCollection("migrator_history").find(Filters.eq("version", version))
                .sort(Sorts.ascending("rank")).into(new ArrayList<>());
    }

    static Document last(List<Document> documents) {
        return documents.get(documents.size() - 1);
    }

    static HistoryRecord row(int rank, String version) {
        return new HistoryRecord(rank, version, "d", "JSON", "V" + version + "__d.json", "v1:0",
                HistoryRecord.Action.APPLY, HistoryRecord.Outcome.SUCCESS, "test", "", "host", "dev", "run",
                Instant.now(), 0, null);
    }

    /** Copies scripts from the class path, so that a test can edit them. */
    static void copyScripts(String folder, Path dir, String... names) throws IOException {
        for (String name : names) {
            try (InputStream in = MongoFixtures.class.getClassLoader().getResourceAsStream(folder + "/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
    }
}
