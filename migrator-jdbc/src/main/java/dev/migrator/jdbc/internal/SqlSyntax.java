package dev.migrator.jdbc.internal;

/**
 * The SQL dialect a migration script is written in, as far as splitting it into statements is concerned: each constant
 * decides which comments, quoting forms and terminators {@link SqlSplitter} recognises.
 */
// Public only for the linter in dev.migrator.jdbc.internal.lint; the package is not API and not exported.
public enum SqlSyntax {
    /** PostgreSQL: dollar quotes, {@code E''} strings, nested block comments, {@code BEGIN ATOMIC} bodies. */
    POSTGRESQL,
    /** MySQL and MariaDB: {@code DELIMITER} lines, backticks, {@code #} comments, backslash escapes. */
    MYSQL,
    /** H2: {@code //} comments and {@code $$} quoted bodies. */
    H2,
    /** SQL Server: batches separated by {@code GO} lines, as sqlcmd does; {@code [bracketed]} identifiers. */
    SQLSERVER,
    /** Oracle: PL/SQL units ended by a {@code /} line, as SQL*Plus does; {@code q'[...]'} strings. */
    ORACLE
}
