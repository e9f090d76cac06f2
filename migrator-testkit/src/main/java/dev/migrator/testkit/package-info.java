/**
 * Test support: {@link dev.migrator.testkit.ReversibilityCheck} proves each migration's down undoes its up,
 * {@link dev.migrator.testkit.SchemaSnapshot} compares schemas, and {@link dev.migrator.testkit.TestDatabases} hands
 * tests fresh databases.
 */
package dev.migrator.testkit;
