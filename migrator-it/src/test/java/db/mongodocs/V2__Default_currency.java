package db.mongodocs;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.migrator.mongo.MongoContext;
import dev.migrator.mongo.MongoMigration;
import org.bson.Document;

// tag::java-migration[]
public class V2__Default_currency implements MongoMigration {
    @Override
    public void up(MongoContext ctx) {
        MongoCollection<Document> accounts = ctx.database().getCollection("accounts");
        if (ctx.session() != null) {   // a replica set: this runs in the migration's transaction
            accounts.updateMany(ctx.session(), Filters.exists("currency", false), Updates.set("currency", "EUR"));
        } else {
            accounts.updateMany(Filters.exists("currency", false), Updates.set("currency", "EUR"));
        }
    }

    @Override
    public void down(MongoContext ctx) {
        MongoCollection<Document> accounts = ctx.database().getCollection("accounts");
        if (ctx.session() != null) {
            accounts.updateMany(ctx.session(), Filters.eq("currency", "EUR"), Updates.unset("currency"));
        } else {
            accounts.updateMany(Filters.eq("currency", "EUR"), Updates.unset("currency"));
        }
    }
}
// end::java-migration[]
