/**
 * MongoDB: {@link dev.migrator.mongo.MongoTarget}. The driver is the application's (an optional Maven dependency), so
 * it is required statically: the application that uses this module requires the driver itself.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // the driver has no module-info
module dev.migrator.mongo {
    requires transitive dev.migrator.api;
    // Not used by the code: an application that requires this module gets Migrator with it, as with Maven.
    requires transitive dev.migrator.core;
    requires org.slf4j;
    // MongoTarget.of and MongoContext hand out the driver's types, so a reader of this module reads the driver too.
    requires static transitive org.mongodb.driver.sync.client;
    requires static org.mongodb.driver.core;
    requires static org.mongodb.bson;

    exports dev.migrator.mongo;
}
