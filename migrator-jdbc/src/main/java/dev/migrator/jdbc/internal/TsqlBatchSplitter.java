package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.ScriptStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits a SQL Server script into batches at {@code GO} lines, as sqlcmd does. A batch is sent as one statement because
 * T-SQL needs whole batches ({@code CREATE PROCEDURE} must be alone in its batch), so {@code ;} never splits here.
 */
final class TsqlBatchSplitter {

    private static final int MAX_REPEAT_DIGITS = 9;
    /**
     * The most times {@code GO n} may repeat a batch. Each repetition is a statement of the plan (and was once a copy:
     * {@code GO 999999999} ran out of memory); a bigger count belongs in a {@code WHILE} loop inside the batch.
     */
    static final int MAX_REPEAT = 10_000;

    private final SqlLexer lexer;
    private final String src;
    private final List<ScriptStatement> batches = new ArrayList<>();
    private int start = -1;
    private int end = -1;
    private int endBeforeLast = -1;
    private boolean endsWithSemicolon;
    private int repeat;

    TsqlBatchSplitter(SqlLexer lexer) {
        this.lexer = lexer;
        this.src = lexer.source();
    }

    List<ScriptStatement> split() {
        int pos = 0;
        boolean lineStart = true;
        while (pos < src.length()) {
            int tokenEnd = lexer.next(pos);
            SqlLexer.Kind kind = lexer.kind();
            if (kind == SqlLexer.Kind.SPACE) {
                lineStart |= lexer.lineBreak();
                pos = tokenEnd;
                continue;
            }
            boolean wasLineStart = lineStart;
            lineStart = false;
            if (kind == SqlLexer.Kind.WORD && wasLineStart && lexer.wordIs(pos, tokenEnd, "GO")) {
                int eol = goLineEnd(pos, tokenEnd);
                if (eol >= 0) {
                    finish(repeat);
                    pos = eol;
                    continue;
                }
            }
            if (kind != SqlLexer.Kind.COMMENT) {
                if (start < 0) {
                    start = pos;
                }
                endBeforeLast = end;
                end = tokenEnd;
                endsWithSemicolon = kind == SqlLexer.Kind.SYMBOL && src.charAt(pos) == ';';
            }
            pos = tokenEnd;
        }
        finish(1);
        return batches;
    }

    /**
     * Returns where the line ends if the {@code GO} at {@code goStart} is a separator line ({@code GO [count] [-- ...]}),
     * else -1; sets {@link #repeat}.
     */
    private int goLineEnd(int goStart, int goEnd) {
        int digits = skipBlanks(goEnd);
        int digitsEnd = skipDigits(digits);
        int i = skipBlanks(digitsEnd);
        if (src.startsWith("--", i)) {
            i = lexer.lineEnd(i);
        }
        if (i < src.length() && !SqlLexer.isLineBreak(src.charAt(i))) {
            return -1;
        }
        repeat = 1;
        if (digitsEnd > digits) {
            String number = src.substring(digits, digitsEnd);
            String significant = number.replaceFirst("^0+", "");
            if (significant.isEmpty() || significant.length() > MAX_REPEAT_DIGITS) {
                throw lexer.error(goStart, "GO " + number + " is not a valid repeat count; use a count from 1 to "
                        + MAX_REPEAT + ", or plain GO to run the batch once");
            }
            repeat = Integer.parseInt(significant);
            if (repeat > MAX_REPEAT) {
                throw lexer.error(goStart, "GO " + number + " repeats the batch more than " + MAX_REPEAT + " times, "
                        + "the most migrator runs; loop inside the batch (WHILE @i < n BEGIN ... END) instead");
            }
        }
        return i;
    }

    private int skipBlanks(int from) {
        int i = from;
        while (i < src.length() && SqlLexer.isSpace(src.charAt(i)) && !SqlLexer.isLineBreak(src.charAt(i))) {
            i++;
        }
        return i;
    }

    private int skipDigits(int from) {
        int i = from;
        while (i < src.length() && src.charAt(i) >= '0' && src.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private void finish(int times) {
        // sqlcmd would send a trailing ';' too, but dropping it lets a batch be run through any JDBC driver unchanged.
        int textEnd = endsWithSemicolon ? endBeforeLast : end;
        if (start >= 0 && textEnd > start) {
            ScriptStatement batch = new ScriptStatement(src.substring(start, textEnd), lexer.lineOf(start));
            batches.addAll(Collections.nCopies(times, batch));
        }
        start = -1;
        end = -1;
        endBeforeLast = -1;
        endsWithSemicolon = false;
    }
}
