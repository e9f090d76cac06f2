package dev.migrator.jdbc.internal.lint;

import dev.migrator.api.spi.LintInput;
import dev.migrator.api.spi.LintIssue;
import dev.migrator.api.spi.ScriptStatement;
import dev.migrator.api.ConfigurationException;
import dev.migrator.jdbc.internal.ScriptDirectives;
import dev.migrator.jdbc.internal.ScriptSplits;
import dev.migrator.jdbc.internal.SqlSplitter;
import dev.migrator.jdbc.internal.SqlSyntax;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL risk linter: reads pending scripts, in the order they would run, and reports the statements that can take
 * a running application down (a lock that queues its queries for the length of a table rewrite or scan) or break the
 * version still running (a rename, a drop). Connected, it knows which tables exist and about how many rows each holds;
 * offline it flags what it cannot rule out. Entry point of this package for {@code JdbcSession} and
 * {@code JdbcTarget}; not API.
 */
public final class SqlLint {
    private static final Logger LOG = LoggerFactory.getLogger(SqlLint.class);

    private final LintServer server;
    private final LintCatalog catalog;
    private final SqlSyntax syntax;
    /** Splits each script, keeping the statements for the run where one follows (null: split and forget). */
    private final ScriptSplits splits;

    SqlLint(LintServer server, LintCatalog catalog, SqlSyntax syntax) {
        this(server, catalog, syntax, null);
    }

    SqlLint(LintServer server, LintCatalog catalog, SqlSyntax syntax, ScriptSplits splits) {
        this.server = server;
        this.catalog = catalog;
        this.syntax = syntax;
        this.splits = splits;
    }

    /**
     * Lints against a connected database, reading its catalog first. If the catalog cannot be read, lints as if
     * offline (which reports more, never less).
     */
    public static List<LintIssue> online(Connection c, String dialectName, SqlSyntax syntax, List<LintInput> scripts) {
        return online(c, dialectName, syntax, scripts, null);
    }

    /** As {@link #online(Connection, String, SqlSyntax, List)}, keeping each script's statements in {@code splits}. */
    public static List<LintIssue> online(Connection c, String dialectName, SqlSyntax syntax, List<LintInput> scripts,
                                         ScriptSplits splits) {
        LintServer server;
        LintCatalog catalog;
        try {
            DatabaseMetaData md = c.getMetaData();
            server = LintServer.of(md.getDatabaseProductName(), md.getDatabaseProductVersion(), dialectName);
            catalog = scripts.isEmpty() ? LintCatalog.offline() : LintCatalog.read(c, server);
        } catch (SQLException e) {
            LOG.warn("Cannot read the catalog to lint the pending migrations ({}); linting as if offline, which "
                    + "reports every table as possibly large", e.getMessage());
            server = LintServer.of(dialectName);
            catalog = LintCatalog.offline();
        }
        return new SqlLint(server, catalog, syntax, splits).lint(scripts);
    }

    /**
     * Lints without a connection, for the dialect named ({@code postgresql}, {@code mysql}, {@code mariadb}, ...):
     * the server's version is unknown and taken as a current one.
     */
    public static List<LintIssue> offline(String dialectName, List<LintInput> scripts) {
        LintServer server = LintServer.of(dialectName);
        return new SqlLint(server, LintCatalog.offline(), syntaxOf(dialectName)).lint(scripts);
    }

    static SqlSyntax syntaxOf(String dialectName) {
        String d = dialectName == null ? "" : dialectName.toLowerCase(Locale.ROOT);
        return d.contains("postgres") ? SqlSyntax.POSTGRESQL : d.contains("mysql") || d.contains("mariadb")
                ? SqlSyntax.MYSQL : d.contains("sqlserver") ? SqlSyntax.SQLSERVER : d.contains("oracle")
                ? SqlSyntax.ORACLE : SqlSyntax.H2;
    }

    List<LintIssue> lint(List<LintInput> scripts) {
        LintRun run = new LintRun(server, catalog);
        for (LintInput script : scripts) {
            List<ScriptStatement> split = splits != null ? splits.split(script.script(), script.text())
                    : SqlSplitter.split(script.text(), syntax, script.script());
            List<LintStatement> statements = new ArrayList<>(split.size());
            boolean transactional = !Boolean.FALSE.equals(transactionDirective(script));
            for (ScriptStatement st : split) {
                LintStatement s = new LintStatement(script.script(), st.line(), st.text(),
                        tokens(st.text(), syntax));
                transactional &= !runsOutsideTransaction(s);
                statements.add(s);
            }
            run.startScript(Allowances.of(script.text()), transactional);
            for (LintStatement s : statements) {
                CommonRules.check(s, run);
                switch (server.kind()) {
                    case POSTGRESQL -> PostgresRules.check(s, run);
                    case MYSQL, MARIADB -> MySqlRules.check(s, run);
                    case OTHER -> { }
                }
                CommonRules.track(s, run);
            }
            CommonRules.endScript(run);
        }
        return run.issues();
    }

    /**
     * The tokens the rules need. An {@code INSERT} or {@code REPLACE} that nowhere says {@code SELECT} (in any case,
     * even in a string) is looked at by no rule beyond its first word, and no word of it can make the script run
     * outside a transaction unless it says {@code CONCURRENTLY}: its first token stands for it. Such statements
     * (seed data, backfills of literal rows) are most of the bytes of many scripts, and a token for every value cost
     * a run's lint most of its time and memory.
     *
     * <p>A {@code CREATE ... TABLE} (the word within its first five, and no {@code INDEX} before it) is read by no rule
     * beyond the table's name ({@code CommonRules.track} remembers the table; the index rules look for {@code INDEX}
     * in the second or third word), so the first {@value #CREATE_TABLE_HEAD} tokens stand for it: enough for
     * {@code CREATE GLOBAL TEMPORARY TABLE IF NOT EXISTS a.b.c (}. Its column list, most of a schema's first scripts,
     * is not cut into tokens.
     */
    static List<LintTokens.Token> tokens(String text, SqlSyntax syntax) {
        List<LintTokens.Token> head = LintTokens.of(text, syntax, CREATE_TABLE_HEAD);
        if (head.isEmpty() || mentions(text, "CONCURRENTLY")) {
            return head.size() < CREATE_TABLE_HEAD ? head : LintTokens.of(text, syntax);
        }
        LintTokens.Token first = head.get(0);
        if ((first.is("INSERT") || first.is("REPLACE")) && !mentions(text, "SELECT")) {
            return head.subList(0, 1);
        }
        if (first.is("CREATE") && createsTable(head)) {
            return head;
        }
        return head.size() < CREATE_TABLE_HEAD ? head : LintTokens.of(text, syntax);
    }

    /** Tokens read of a {@code CREATE TABLE}: see {@link #tokens}. */
    static final int CREATE_TABLE_HEAD = 16;

    private static boolean createsTable(List<LintTokens.Token> head) {
        for (int i = 1; i < Math.min(5, head.size()); i++) {
            if (head.get(i).is("INDEX")) {
                return false;
            }
            if (head.get(i).is("TABLE")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} holds {@code upperWord} in any case, anywhere: if not, no token of it is that word. */
    static boolean mentions(String text, String upperWord) {
        int n = upperWord.length();
        char upper = upperWord.charAt(0);
        char lower = Character.toLowerCase(upper);
        for (int i = 0; i + n <= text.length(); i++) {
            char c = text.charAt(i);
            if ((c == upper || c == lower) && text.regionMatches(true, i, upperWord, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** Statements that make migrator run their script outside a transaction (PostgreSQL). */
    private static boolean runsOutsideTransaction(LintStatement s) {
        return s.startsWith("VACUUM") || (s.size() > 0 && s.hasAnywhere("CONCURRENTLY"))
                || s.startsWith("ALTER", "SYSTEM") || s.startsWith("CREATE", "DATABASE");
    }

    /**
     * The script's {@code -- migrator:transaction} directive, read in one pass over its lines (a MULTILINE regex with
     * {@code ^\s*} retried every blank line from every blank line: 100,000 blank lines stalled each boot's lint for
     * seconds). A malformed directive is the run's to refuse; for the linter it is no directive.
     */
    private static Boolean transactionDirective(LintInput script) {
        try {
            return ScriptDirectives.transaction(script.script(), script.text());
        } catch (ConfigurationException e) {
            return null;
        }
    }
}
