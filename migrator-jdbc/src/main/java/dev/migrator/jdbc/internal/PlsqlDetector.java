package dev.migrator.jdbc.internal;

/**
 * Decides from the first words of an Oracle statement whether it is a PL/SQL unit, which SQL*Plus only ends at a
 * {@code /} line because its body holds {@code ;}. The rule is SQL*Plus's: {@code BEGIN}, {@code DECLARE}, or
 * {@code CREATE [OR REPLACE] [EDITIONABLE|NONEDITIONABLE]} followed by a stored-code keyword. {@code CREATE TYPE} counts
 * even without a body, as it does in SQL*Plus.
 */
final class PlsqlDetector {

    private static final String[] UNITS = {"PROCEDURE", "FUNCTION", "PACKAGE", "TRIGGER", "TYPE", "LIBRARY", "JAVA"};
    // AND RESOLVE / AND COMPILE / NOFORCE only occur in CREATE JAVA, which SQL*Plus also ends with "/".
    private static final String[] MODIFIERS = {"EDITIONABLE", "NONEDITIONABLE", "AND", "RESOLVE", "COMPILE", "NOFORCE"};

    private enum State { START, CREATE, OR, MODIFIERS, DECIDED }

    private final SqlLexer lexer;
    private State state = State.START;
    private boolean plsql;

    PlsqlDetector(SqlLexer lexer) {
        this.lexer = lexer;
    }

    void reset() {
        state = State.START;
        plsql = false;
    }

    boolean isPlsql() {
        return plsql;
    }

    void accept(SqlLexer.Kind kind, int start, int end) {
        if (state == State.DECIDED) {
            return;
        }
        if (kind != SqlLexer.Kind.WORD) {
            decide(false);
            return;
        }
        switch (state) {
            case START -> {
                if (is(start, end, "BEGIN") || is(start, end, "DECLARE")) {
                    decide(true);
                } else if (is(start, end, "CREATE")) {
                    state = State.CREATE;
                } else {
                    decide(false);
                }
            }
            case CREATE -> {
                if (is(start, end, "OR")) {
                    state = State.OR;
                } else {
                    afterModifiers(start, end);
                }
            }
            case OR -> {
                if (is(start, end, "REPLACE")) {
                    state = State.MODIFIERS;
                } else {
                    decide(false);
                }
            }
            default -> afterModifiers(start, end);
        }
    }

    private void afterModifiers(int start, int end) {
        if (isAny(start, end, UNITS)) {
            decide(true);
        } else if (isAny(start, end, MODIFIERS)) {
            state = State.MODIFIERS;
        } else {
            decide(false);
        }
    }

    private void decide(boolean isPlsql) {
        plsql = isPlsql;
        state = State.DECIDED;
    }

    private boolean is(int start, int end, String keyword) {
        return lexer.wordIs(start, end, keyword);
    }

    private boolean isAny(int start, int end, String[] keywords) {
        for (String keyword : keywords) {
            if (lexer.wordIs(start, end, keyword)) {
                return true;
            }
        }
        return false;
    }
}
