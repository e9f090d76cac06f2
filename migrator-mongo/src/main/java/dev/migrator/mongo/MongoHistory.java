package dev.migrator.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryRecord.Field;
import dev.migrator.api.spi.HistoryRecord.Action;
import dev.migrator.api.spi.HistoryRecord.Outcome;
import dev.migrator.api.spi.HistoryStore;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The history as a collection: one document per {@link HistoryRecord}, its fields named as the record's components
 * ({@code installedOn} a BSON date). A unique index on {@code rank} makes a second writer of the same rank fail, so
 * two instances that both believe they hold the lock cannot both record (and so both apply) a migration.
 */
final class MongoHistory implements HistoryStore {
    /** The collection's own {@code NamespaceExists} error: another instance created it first. */
    private static final int NAMESPACE_EXISTS = 48;

    private final MongoDatabase database;
    private final String name;
    // Majority-acknowledged, so that a row survives a failover: a lost row would let a migration run twice.
    private final MongoCollection<Document> rows;

    MongoHistory(MongoDatabase database, String name) {
        this.database = database;
        this.name = name;
        this.rows = database.getCollection(name).withWriteConcern(WriteConcern.MAJORITY);
    }

    @Override
    public boolean exists() {
        try {
            return database.listCollectionNames().filter(Filters.eq("name", name)).first() != null;
        } catch (MongoException e) {
            throw failure("look for", e);
        }
    }

    @Override
    public void create() {
        try {
            if (!exists()) {
                database.createCollection(name);
            }
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != NAMESPACE_EXISTS) {
                throw failure("create", e);
            }
        }
        try {
            rows.createIndex(Indexes.ascending("rank"), new IndexOptions().unique(true).name("rank_unique"));
        } catch (MongoException e) {
            throw failure("index", e);
        }
    }

    @Override
    public List<HistoryRecord> read() {
        List<HistoryRecord> records = new ArrayList<>();
        try {
            for (Document d : rows.find().sort(Sorts.ascending("rank"))) {
                records.add(fromDocument(d));
            }
        } catch (MongoException e) {
            throw failure("read", e);
        }
        return records;
    }

    @Override
    public void append(HistoryRecord record) {
        try {
            rows.insertOne(toDocument(record));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw MongoErrors.failure("Could not record " + record.script() + " in "
                        + database.getName() + "." + name + ": another instance already wrote history rank "
                        + record.rank() + " (it took the lock after this instance lost it). Nothing more runs here; "
                        + "check info() and migrate again", e);
            }
            throw failure("append to", e);
        } catch (MongoException e) {
            throw failure("append to", e);
        }
    }

    /** Inserts a row inside the caller's transaction; the caller handles failure as part of the migration's. */
    void append(ClientSession session, HistoryRecord record) {
        // No write concern of its own: inside a transaction the commit's write concern applies.
        database.getCollection(name).insertOne(session, toDocument(record));
    }

    String name() {
        return name;
    }

    static Document toDocument(HistoryRecord r) {
        Document d = new Document(Field.RANK.key(), r.rank());
        for (Field f : Field.values()) {
            switch (f) {
                case RANK -> { }
                case INSTALLED_ON -> d.append(f.key(), Date.from(r.installedOn()));
                case EXECUTION_TIME -> d.append(f.key(), r.executionMillis());
                default -> d.append(f.key(), f.text(r));
            }
        }
        return d;
    }

    static HistoryRecord fromDocument(Document d) {
        try {
            return HistoryRecord.of(d.get(Field.RANK.key(), Number.class).intValue(), f -> d.getString(f.key()),
                    d.getDate(Field.INSTALLED_ON.key()).toInstant(),
                    d.get(Field.EXECUTION_TIME.key(), Number.class).longValue());
        } catch (RuntimeException e) {
            throw MongoErrors.failure("The history document " + d.toJson() + " cannot be read (" + e
                    + "): the history was edited by hand; restore the document as migrator wrote it", e);
        }
    }

    private dev.migrator.api.TargetException failure(String verb, MongoException e) {
        return MongoErrors.failure("Could not " + verb + " the history collection " + database.getName() + "."
                + name + ": " + MongoErrors.reason(e), e);
    }
}
