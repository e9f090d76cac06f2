package dev.migrator.mongo;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.Locale;
import java.util.Set;

/**
 * One command of a script.
 *
 * @param document what {@code runCommand} is given
 * @param line     the 1-based line of the script where it starts
 * @param json     the command as one line of relaxed extended JSON, for plans and messages, with passwords masked
 */
record Command(BsonDocument document, int line, String json) {
    static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    /**
     * Commands a multi-document transaction can hold. Everything else, DDL above all ({@code create},
     * {@code createIndexes}, {@code drop}, {@code collMod}, {@code renameCollection}, ...), is allowed in a
     * transaction only on some versions and under conditions, or never: a script holding one runs without a
     * transaction. A list of what is allowed, not of what is not, so an unusual command errs on the safe side.
     */
    private static final Set<String> TRANSACTIONAL = Set.of("insert", "update", "delete", "findAndModify",
            "findandmodify");
    /** Fields whose value is a secret, such as the {@code pwd} of {@code createUser}, often from a placeholder. */
    private static final Set<String> SECRET_FIELDS = Set.of("pwd", "password", "passwd", "secret", "token");

    static Command of(BsonDocument document, int line) {
        return new Command(document, line, masked(document).toJson(JSON));
    }

    /** The command's name: its first field. */
    String name() {
        return document.getFirstKey();
    }

    boolean transactional() {
        return TRANSACTIONAL.contains(name());
    }

    private static BsonValue masked(BsonValue value) {
        if (value.isDocument()) {
            BsonDocument copy = new BsonDocument();
            value.asDocument().forEach((k, v) -> copy.put(k, v.isString()
                    && SECRET_FIELDS.contains(k.toLowerCase(Locale.ROOT)) ? new BsonString("****") : masked(v)));
            return copy;
        }
        if (value.isArray()) {
            BsonArray copy = new BsonArray();
            value.asArray().forEach(v -> copy.add(masked(v)));
            return copy;
        }
        return value;
    }

    private static BsonDocument masked(BsonDocument document) {
        return masked((BsonValue) document).asDocument();
    }
}
