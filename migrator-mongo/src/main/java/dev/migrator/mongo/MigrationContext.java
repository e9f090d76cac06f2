package dev.migrator.mongo;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoDatabase;

/** The context handed to one run of a Java migration. */
record MigrationContext(MongoDatabase database, ClientSession session) implements MongoContext {
}
