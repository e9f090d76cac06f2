package db.mongo.basic;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.migrator.mongo.MongoContext;
import dev.migrator.mongo.MongoMigration;
import org.bson.Document;

import java.util.List;

/** Adds the first users; passes the session along so that it is part of the transaction where there is one. */
public class V2__Backfill_names implements MongoMigration {
    public static final List<String> EMAILS = List.of("ada@example.com", "alan@example.com");

    @Override
    public void up(MongoContext ctx) {
        MongoCollection<Document> users = ctx.database().getCollection("users");
        List<Document> documents = List.of(new Document("email", EMAILS.get(0)).append("name", "Ada"),
                new Document("email", EMAILS.get(1)).append("name", "Alan"));
        if (ctx.session() == null) {
            users.insertMany(documents);
        } else {
            users.insertMany(ctx.session(), documents);
        }
    }

    @Override
    public void down(MongoContext ctx) {
        MongoCollection<Document> users = ctx.database().getCollection("users");
        if (ctx.session() == null) {
            users.deleteMany(Filters.in("email", EMAILS));
        } else {
            users.deleteMany(ctx.session(), Filters.in("email", EMAILS));
        }
    }
}
