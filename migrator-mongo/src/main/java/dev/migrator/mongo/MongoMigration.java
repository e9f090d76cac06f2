package dev.migrator.mongo;

import dev.migrator.api.Migration;

/**
 * A migration written in Java against MongoDB. Version and description come from the class name, as for scripts:
 *
 * <pre>{@code
 * public class V3__Backfill_emails implements MongoMigration {
 *     public void up(MongoContext ctx) {
 *         var users = ctx.database().getCollection("users");
 *         if (ctx.session() != null) {
 *             users.updateMany(ctx.session(), Filters.exists("email", false), Updates.set("email", ""));
 *         } else {
 *             users.updateMany(Filters.exists("email", false), Updates.set("email", ""));
 *         }
 *     }
 * }
 * }</pre>
 */
public interface MongoMigration extends Migration<MongoContext> {

    /**
     * Whether to run inside a transaction where the server supports one (default {@code true}). Return
     * {@code false} for work a transaction cannot hold: an index build on an existing collection, or a backfill
     * larger than a transaction's time and size limits (60 s and 16 MB by default). The migration then runs with
     * {@link MongoContext#session()} {@code null}, and a failure part-way is recorded as FAILED until
     * {@code repair()}.
     */
    default boolean transactional() {
        return true;
    }
}
