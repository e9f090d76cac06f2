package dev.migrator.jdbc.internal;

import java.util.Set;

/**
 * Tells whether a {@code ;} in a MySQL/MariaDB script is inside a compound statement that a script without a
 * {@code DELIMITER} line still means as one: {@code CREATE PROCEDURE|FUNCTION|TRIGGER|EVENT ... BEGIN ... END} and
 * MariaDB's {@code BEGIN NOT ATOMIC ... END}. As Flyway does, it counts the blocks that close with {@code END}:
 * {@code BEGIN}, {@code CASE}, and {@code IF}, {@code LOOP}, {@code WHILE}, {@code REPEAT} where they start a
 * statement; {@code END IF}, {@code END LOOP} and the like close one block, not two. {@code IF(...)} the function
 * and {@code IF EXISTS} are not at a statement's start, so they open nothing.
 */
final class MySqlBlockTracker {

    private static final Set<String> PROGRAMS = Set.of("PROCEDURE", "FUNCTION", "TRIGGER", "EVENT");
    private static final Set<String> CONTROL = Set.of("IF", "LOOP", "WHILE", "REPEAT");
    // Words after which a new statement of a stored program's body starts.
    private static final Set<String> STATEMENT_BEFORE = Set.of("BEGIN", "THEN", "ELSE", "DO", "LOOP", "REPEAT", "ROW",
            "DETERMINISTIC", "SQL", "DATA", "DEFINER", "INVOKER");
    private static final int HEADER_WORDS = 12;

    private final SqlLexer lexer;
    /** One entry per open block: 'B' BEGIN, 'C' CASE expression, 'S' a control statement (CASE, IF, LOOP...). */
    private final StringBuilder blocks = new StringBuilder();
    private int words;
    private boolean create;
    private boolean program;
    private boolean beginNot;
    private boolean atStatementStart;
    private boolean afterEnd;
    private int startLine = -1;

    MySqlBlockTracker(SqlLexer lexer) {
        this.lexer = lexer;
    }

    void reset() {
        blocks.setLength(0);
        words = 0;
        create = false;
        program = false;
        beginNot = false;
        atStatementStart = false;
        afterEnd = false;
        startLine = -1;
    }

    boolean isNested() {
        return blocks.length() > 0;
    }

    /** The line of the first block still open, for a message when the script ends inside it. */
    int openLine() {
        return startLine;
    }

    void accept(SqlLexer.Kind kind, int start, int end) {
        if (kind == SqlLexer.Kind.SYMBOL) {
            char c = lexer.source().charAt(start);
            atStatementStart = c == ';' || (c == ':' && program) || (c == ')' && program && blocks.length() == 0);
            afterEnd = false;
            return;
        }
        if (kind != SqlLexer.Kind.WORD) {
            atStatementStart = false;
            afterEnd = false;
            return;
        }
        String word = lexer.source().substring(start, end).toUpperCase(java.util.Locale.ROOT);
        words++;
        if (words == 1) {
            create = word.equals("CREATE");
            beginNot = word.equals("BEGIN");
        } else if (words == 2 && beginNot) {
            beginNot = word.equals("NOT");
        } else if (words == 3 && beginNot && word.equals("ATOMIC")) {
            program = true;
            open('B', start);
        } else if (create && !program && words <= HEADER_WORDS && PROGRAMS.contains(word)) {
            program = true;
        }
        if (!program) {
            return;
        }
        if (afterEnd) {
            // END IF, END LOOP, END WHILE, END REPEAT, END CASE: the word belongs to the END before it.
            afterEnd = false;
            if (CONTROL.contains(word) || word.equals("CASE")) {
                atStatementStart = false;
                return;
            }
        }
        boolean statementStart = atStatementStart;
        atStatementStart = STATEMENT_BEFORE.contains(word) && !(word.equals("THEN") || word.equals("ELSE"))
                || (word.equals("THEN") || word.equals("ELSE")) && !topIs('C');
        switch (word) {
            case "BEGIN" -> {
                if (!(words == 1 && beginNot)) {
                    open('B', start);
                }
            }
            case "CASE" -> open(statementStart ? 'S' : 'C', start);
            case "IF", "LOOP", "WHILE", "REPEAT" -> {
                if (statementStart) {
                    open('S', start);
                }
            }
            case "END" -> {
                if (blocks.length() > 0) {
                    blocks.setLength(blocks.length() - 1);
                }
                afterEnd = true;
            }
            default -> { }
        }
    }

    private boolean topIs(char c) {
        return blocks.length() > 0 && blocks.charAt(blocks.length() - 1) == c;
    }

    private void open(char c, int pos) {
        if (blocks.length() == 0) {
            startLine = lexer.lineOf(pos);
        }
        blocks.append(c);
    }
}
