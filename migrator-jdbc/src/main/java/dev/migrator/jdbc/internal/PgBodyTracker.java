package dev.migrator.jdbc.internal;

/**
 * Tells whether a {@code ;} in a PostgreSQL statement is nested, as psql decides it: inside parentheses (rules such as
 * {@code DO ALSO (INSERT ...; INSERT ...)}) or inside a SQL-standard function body {@code BEGIN ATOMIC ... END}, where
 * a {@code CASE} also closes with {@code END} and so must be counted.
 */
final class PgBodyTracker {

    private final SqlLexer lexer;
    private int parens;
    private int atomicDepth;
    private boolean afterBegin;
    private boolean afterDot;
    private boolean first = true;
    private boolean create;

    PgBodyTracker(SqlLexer lexer) {
        this.lexer = lexer;
    }

    void reset() {
        parens = 0;
        atomicDepth = 0;
        afterBegin = false;
        afterDot = false;
        first = true;
        create = false;
    }

    boolean isNested() {
        return parens > 0 || atomicDepth > 0;
    }

    void accept(SqlLexer.Kind kind, int start, int end) {
        boolean begin = false;
        if (first) {
            // BEGIN ATOMIC only opens a body in CREATE FUNCTION/PROCEDURE; "SELECT x.begin atomic" is a column alias.
            create = kind == SqlLexer.Kind.WORD && lexer.wordIs(start, end, "CREATE");
            first = false;
        }
        boolean dot = kind == SqlLexer.Kind.SYMBOL && lexer.source().charAt(start) == '.';
        if (kind == SqlLexer.Kind.WORD) {
            // A plain BEGIN starts a transaction; only BEGIN ATOMIC opens a body.
            if (afterBegin && lexer.wordIs(start, end, "ATOMIC")) {
                atomicDepth++;
            } else if (atomicDepth > 0 && lexer.wordIs(start, end, "CASE")) {
                atomicDepth++;
            } else if (atomicDepth > 0 && lexer.wordIs(start, end, "END")) {
                atomicDepth--;
            }
            begin = create && !afterDot && lexer.wordIs(start, end, "BEGIN");
        } else if (kind == SqlLexer.Kind.SYMBOL) {
            char c = lexer.source().charAt(start);
            if (c == '(') {
                parens++;
            } else if (c == ')' && parens > 0) {
                parens--;
            }
        }
        afterBegin = begin;
        afterDot = dot;
    }
}
