// The demo application as a named module: ModulePathIT compiles it with the demo's classes and scripts, and runs it
// with `java --module-path ... -m dev.migrator.demo/dev.migrator.docs.demo.DemoApplication`.
// tag::module-info[]
module dev.migrator.demo {
    requires dev.migrator.jdbc;    // brings dev.migrator.core and dev.migrator.api with it
    requires com.h2database;       // the driver; H2's JdbcDataSource
    requires java.naming;          // ...which is a javax.naming.Referenceable

    // Discovery creates db.migration.V3__Backfill_ibans by reflection. The SQL scripts next to it need no line.
    opens db.migration to dev.migrator.core;
}
// end::module-info[]
