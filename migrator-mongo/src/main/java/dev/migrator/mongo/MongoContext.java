package dev.migrator.mongo;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoDatabase;

/** What a {@link MongoMigration} works with while it runs. */
public interface MongoContext {

    /** The database being migrated. */
    MongoDatabase database();

    /**
     * The session whose transaction holds this migration and its history document, or {@code null} when it runs
     * outside a transaction (a standalone server, or {@link MongoMigration#transactional()} is {@code false}).
     * Pass it to every operation: an operation without it runs outside the transaction and is not rolled back when
     * the migration fails.
     */
    ClientSession session();
}
