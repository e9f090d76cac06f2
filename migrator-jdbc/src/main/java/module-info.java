/**
 * Relational databases: {@link dev.migrator.jdbc.JdbcTarget}. Drivers are the application's: they are found through
 * {@code java.sql.DriverManager} or the {@code DataSource} passed in, never named here.
 */
module dev.migrator.jdbc {
    requires transitive dev.migrator.api;
    // Not used by the code: an application that requires this module gets Migrator with it, as with Maven.
    requires transitive dev.migrator.core;
    requires transitive java.sql;
    requires org.slf4j;

    exports dev.migrator.jdbc;
}
