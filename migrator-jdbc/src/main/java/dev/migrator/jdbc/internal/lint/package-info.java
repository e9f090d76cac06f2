/**
 * Not API: the risk linter's rules per database, over the statements the splitter produced. May change in any
 * release.
 */
package dev.migrator.jdbc.internal.lint;
