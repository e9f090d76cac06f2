package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.ScriptStatement;
import java.util.List;
import java.util.Objects;

/**
 * Splits a migration script into the statements to send one by one over JDBC, following the rules of each database's
 * own command-line client (psql, mysql, sqlcmd, SQL*Plus), so that a script that runs there runs here.
 *
 * <p>Each statement's text is trimmed, has no terminator and no comments before or after it (comments inside it are
 * kept), and carries the 1-based line its first token is on. Statements made only of comments are dropped, except
 * MySQL's {@code /*! ... *}{@code /} executable comments, which MySQL runs. The script is scanned once, character by
 * character, so time grows linearly with its size.
 */
// Public only for the linter in dev.migrator.jdbc.internal.lint; the package is not API and not exported.
public final class SqlSplitter {

    private SqlSplitter() {
    }

    /**
     * Splits {@code script}.
     *
     * @param script     the script text; {@code \n}, {@code \r\n} and {@code \r} all count as line breaks and a
     *                   leading byte order mark is ignored
     * @param syntax     the dialect the script is written in
     * @param scriptName the name used in error messages, e.g. {@code V3__add_fn.sql}
     * @return the statements in script order, never null
     * @throws dev.migrator.api.ConfigurationException if a string, quoted identifier, dollar quote, q-quote or block
     *                                                 comment is never closed, naming the line it starts on
     */
    public static List<ScriptStatement> split(String script, SqlSyntax syntax, String scriptName) {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(scriptName, "scriptName");
        String src = script.startsWith("\uFEFF") ? script.substring(1) : script;
        SqlLexer lexer = new SqlLexer(src, syntax, scriptName);
        List<ScriptStatement> statements = syntax == SqlSyntax.SQLSERVER
                ? new TsqlBatchSplitter(lexer).split()
                : new StatementSplitter(lexer, syntax).split();
        return List.copyOf(statements);
    }
}
