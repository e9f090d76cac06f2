package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.ScriptStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits PostgreSQL, MySQL/MariaDB, H2 and Oracle scripts at their statement terminators: {@code ;} where it is not
 * nested, the current MySQL {@code DELIMITER}, and Oracle's {@code /} line. A statement runs from its first token to
 * its last one, so comments around it are dropped while comments inside it stay as written.
 */
final class StatementSplitter {

    private static final String DELIMITER_COMMAND = "DELIMITER";

    private final SqlLexer lexer;
    private final SqlSyntax syntax;
    private final String src;
    private final PgBodyTracker pgBody;
    private final PlsqlDetector plsql;
    private final MySqlBlockTracker mysqlBlocks;
    private final List<ScriptStatement> statements = new ArrayList<>();
    private String delimiter = ";";
    private int start = -1;
    private int end = -1;

    StatementSplitter(SqlLexer lexer, SqlSyntax syntax) {
        this.lexer = lexer;
        this.syntax = syntax;
        this.src = lexer.source();
        this.pgBody = new PgBodyTracker(lexer);
        this.plsql = new PlsqlDetector(lexer);
        this.mysqlBlocks = new MySqlBlockTracker(lexer);
    }

    List<ScriptStatement> split() {
        int len = src.length();
        int pos = 0;
        boolean lineStart = true;
        while (pos < len) {
            if (syntax == SqlSyntax.MYSQL) {
                // The mysql client looks for its delimiter before anything else, wherever it is outside quotes.
                // Inside a stored program's BEGIN ... END the ';' ends an inner statement, not the program; a
                // DELIMITER of its own is the user's choice and then only it ends statements.
                boolean inner = mysqlBlocks.isNested() && delimiter.equals(";");
                if (!inner && src.startsWith(delimiter, pos)) {
                    finish();
                    pos += delimiter.length();
                    lineStart = false;
                    continue;
                }
                if (start < 0 && isDelimiterCommand(pos)) {
                    pos = changeDelimiter(pos);
                    continue;
                }
            }
            int tokenEnd = lexer.next(pos);
            SqlLexer.Kind kind = lexer.kind();
            if (kind == SqlLexer.Kind.SPACE) {
                lineStart |= lexer.lineBreak();
                pos = tokenEnd;
                continue;
            }
            boolean wasLineStart = lineStart;
            lineStart = false;
            pos = kind == SqlLexer.Kind.COMMENT ? tokenEnd : significant(pos, tokenEnd, kind, wasLineStart);
        }
        if (mysqlBlocks.isNested()) {
            throw lexer.error(start, "the BEGIN ... END block opened on line " + mysqlBlocks.openLine() + " is never "
                    + "closed before the end of the script; close it with END (and END IF, END LOOP, ... for inner "
                    + "blocks), or put the program between DELIMITER $$ and DELIMITER ; lines as the mysql client "
                    + "needs");
        }
        finish();
        return statements;
    }

    private int significant(int pos, int tokenEnd, SqlLexer.Kind kind, boolean lineStart) {
        if (kind == SqlLexer.Kind.SYMBOL) {
            char c = src.charAt(pos);
            if (c == ';' && semicolonEnds()) {
                finish();
                return tokenEnd;
            }
            if (c == '/' && lineStart && syntax == SqlSyntax.ORACLE) {
                int eol = lexer.blankUntilLineEnd(tokenEnd);
                if (eol >= 0) {
                    finish();
                    return eol;
                }
            }
        }
        if (syntax == SqlSyntax.POSTGRESQL) {
            pgBody.accept(kind, pos, tokenEnd);
        } else if (syntax == SqlSyntax.ORACLE) {
            plsql.accept(kind, pos, tokenEnd);
        } else if (syntax == SqlSyntax.MYSQL && delimiter.equals(";")) {
            mysqlBlocks.accept(kind, pos, tokenEnd);
        }
        if (start < 0) {
            start = pos;
        }
        end = tokenEnd;
        return tokenEnd;
    }

    private boolean semicolonEnds() {
        return switch (syntax) {
            case POSTGRESQL -> !pgBody.isNested();
            case ORACLE -> !plsql.isPlsql();
            case H2 -> true;
            // MySQL's ';' only ends a statement as the delimiter, which split() has already matched.
            default -> false;
        };
    }

    private void finish() {
        if (start >= 0) {
            statements.add(new ScriptStatement(src.substring(start, end), lexer.lineOf(start)));
        }
        start = -1;
        end = -1;
        pgBody.reset();
        plsql.reset();
        mysqlBlocks.reset();
    }

    private boolean isDelimiterCommand(int pos) {
        int after = pos + DELIMITER_COMMAND.length();
        return src.regionMatches(true, pos, DELIMITER_COMMAND, 0, DELIMITER_COMMAND.length())
                && (after == src.length() || SqlLexer.isSpace(src.charAt(after)));
    }

    /** Reads {@code DELIMITER xx}; like the mysql client, the rest of that line is ignored. */
    private int changeDelimiter(int pos) {
        int i = pos + DELIMITER_COMMAND.length();
        while (i < src.length() && SqlLexer.isSpace(src.charAt(i)) && !SqlLexer.isLineBreak(src.charAt(i))) {
            i++;
        }
        int from = i;
        while (i < src.length() && !SqlLexer.isSpace(src.charAt(i))) {
            i++;
        }
        if (i == from) {
            throw lexer.error(pos, "DELIMITER is not followed by a delimiter; write the new delimiter on the same line,"
                    + " e.g. DELIMITER $$, and switch back with DELIMITER ;");
        }
        delimiter = src.substring(from, i);
        lexer.stopWordsAt(delimiter.equals(";") ? null : delimiter);
        return lexer.lineEnd(i);
    }
}
