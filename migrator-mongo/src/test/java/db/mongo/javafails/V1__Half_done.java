package db.mongo.javafails;

import dev.migrator.mongo.MongoContext;
import dev.migrator.mongo.MongoMigration;
import org.bson.Document;

/** Writes, then fails: what it wrote stays unless a transaction takes it back. */
public class V1__Half_done implements MongoMigration {
    @Override
    public void up(MongoContext ctx) {
        if (ctx.session() == null) {
            ctx.database().getCollection("half").insertOne(new Document("step", 1));
        } else {
            ctx.database().getCollection("half").insertOne(ctx.session(), new Document("step", 1));
        }
        throw new IllegalStateException("half way");
    }
}
