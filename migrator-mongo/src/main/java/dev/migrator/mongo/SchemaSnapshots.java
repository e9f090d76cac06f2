package dev.migrator.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;
import org.bson.BsonDocument;
import org.bson.BsonNumber;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The schema of a database as MongoDB has one: its collections (with their options and validator), views and
 * indexes. Documents are data, not schema, and are left out, as are the {@code system.*} collections and migrator's
 * own.
 */
final class SchemaSnapshots {
    /** Index fields that describe how an index was stored or built, not what it is. */
    private static final Set<String> INDEX_NOISE = Set.of("v", "ns", "name", "key", "background");

    private SchemaSnapshots() {
    }

    static SchemaModel of(MongoDatabase database, Set<String> excluded) {
        try {
            List<SchemaObject> objects = new ArrayList<>();
            for (BsonDocument info : database.listCollections(BsonDocument.class)) {
                String name = info.getString("name").getValue();
                if (excluded.contains(name) || name.startsWith("system.")) {
                    continue;
                }
                String type = info.containsKey("type") ? info.getString("type").getValue() : "collection";
                Map<String, String> attributes = new TreeMap<>();
                info.getDocument("options", new BsonDocument()).forEach((k, v) -> attributes.put(k, text(v)));
                if (type.equals("view")) {
                    objects.add(new SchemaObject("view", name, attributes));
                    continue;
                }
                if (!type.equals("collection")) {
                    attributes.put("type", type);
                }
                objects.add(new SchemaObject("collection", name, attributes));
                for (BsonDocument index : database.getCollection(name).listIndexes(BsonDocument.class)) {
                    objects.add(index(name, index));
                }
            }
            return new SchemaModel(objects);
        } catch (MongoException e) {
            throw MongoErrors.failure("Could not read the collections and indexes of " + database.getName()
                    + ": " + MongoErrors.reason(e), e);
        }
    }

    private static SchemaObject index(String collection, BsonDocument index) {
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("keys", text(index.get("key")));
        // Absent and false mean the same; spelled out so that two snapshots compare equal either way.
        attributes.put("unique", "false");
        attributes.put("sparse", "false");
        index.forEach((k, v) -> {
            if (!INDEX_NOISE.contains(k)) {
                attributes.put(k, text(v));
            }
        });
        return new SchemaObject("index", collection + "." + index.getString("name").getValue(), attributes);
    }

    /** A value as text: plain for scalars (numbers without their BSON type), relaxed JSON for the rest. */
    static String text(BsonValue v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isString()) {
            return v.asString().getValue();
        }
        if (v.isBoolean()) {
            return String.valueOf(v.asBoolean().getValue());
        }
        if (v.isNumber()) {
            BsonNumber n = v.asNumber();
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf(n.longValue()) : String.valueOf(d);
        }
        if (v.isDocument()) {
            return v.asDocument().toJson(Command.JSON);
        }
        String wrapped = new BsonDocument("v", v).toJson(Command.JSON);
        return wrapped.substring(wrapped.indexOf(':') + 1, wrapped.length() - 1).strip();
    }
}
