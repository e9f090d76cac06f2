/**
 * MongoDB for migrator. The entry point is {@link dev.migrator.mongo.MongoTarget}:
 *
 * <pre>{@code
 * Migrator.builder().target(MongoTarget.of(mongoClient, "appdb")).locations("classpath:db/mongo").build().migrate();
 * }</pre>
 *
 * <p>Script migrations are {@code V<version>__<description>.json} files holding a JSON array of database commands,
 * each what {@code db.runCommand} takes, with {@code U<version>__<description>.json} as their undo. Java migrations
 * implement {@link dev.migrator.mongo.MongoMigration} and receive a {@link dev.migrator.mongo.MongoContext}.
 *
 * <p>Where the server supports transactions (a replica set or a sharded cluster), a migration and its history
 * document commit together, so a failed migration leaves nothing behind. A script holding a command that cannot run
 * in a transaction ({@code create}, {@code createIndexes}, {@code drop}, ...) runs command by command instead, as
 * does everything on a standalone server; a failure part-way is then recorded as FAILED until {@code repair()}.
 */
package dev.migrator.mongo;
