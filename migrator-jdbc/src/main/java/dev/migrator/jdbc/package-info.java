/**
 * Relational databases: {@link dev.migrator.jdbc.JdbcTarget} is the entry point, {@link dev.migrator.jdbc.JdbcMigration}
 * the interface of Java migrations. H2, PostgreSQL, MySQL, MariaDB, SQL Server and Oracle are recognised from the
 * connection; their JDBC drivers are the application's own dependencies.
 */
package dev.migrator.jdbc;
