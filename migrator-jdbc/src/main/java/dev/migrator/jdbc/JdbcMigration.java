package dev.migrator.jdbc;

import dev.migrator.api.Migration;

/**
 * A migration written in Java against a relational database. Name the class like a script
 * ({@code V3__Backfill_emails}) and put it in a package under a configured location, or pass an instance to
 * {@code Migrator.Builder.migrations(...)}.
 *
 * <pre>{@code
 * public class V3__Backfill_emails implements JdbcMigration {
 *     public void up(JdbcContext ctx) throws Exception {
 *         try (var s = ctx.connection().prepareStatement("UPDATE users SET email = lower(email)")) {
 *             s.executeUpdate();
 *         }
 *     }
 * }
 * }</pre>
 *
 * Do not commit, roll back or close the connection: the engine owns its transaction.
 */
public interface JdbcMigration extends Migration<JdbcContext> {
}
