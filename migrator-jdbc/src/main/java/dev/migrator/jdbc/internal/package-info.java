/**
 * Not API: how migrator talks to each relational database. May change in any release.
 */
package dev.migrator.jdbc.internal;
