package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import java.util.Arrays;

/**
 * Cuts a script into the coarse tokens that statement splitting needs: whitespace, comments, words, quoted text
 * (strings, quoted identifiers, dollar quotes, q-quotes) and single other characters. Splitting only needs to know
 * where quoted text and comments end, so that a terminator inside them is not taken for one; everything else about
 * SQL syntax is left to the database.
 */
final class SqlLexer {

    /** What the last call to {@link #next(int)} found. */
    enum Kind { SPACE, COMMENT, WORD, QUOTED, SYMBOL }

    private static final int SNIPPET_LENGTH = 20;

    private final String src;
    private final int len;
    private final SqlSyntax syntax;
    private final String scriptName;
    /** Where each line starts, indexed on the first {@link #lineOf} (see there); null until then. */
    private int[] lineStarts;
    private int lineCount;

    private Kind kind;
    private boolean lineBreak;
    private String wordStop;

    SqlLexer(String src, SqlSyntax syntax, String scriptName) {
        this.src = src;
        this.len = src.length();
        this.syntax = syntax;
        this.scriptName = scriptName;
    }

    String source() {
        return src;
    }

    Kind kind() {
        return kind;
    }

    /** Whether the last whitespace token crossed a line break. */
    boolean lineBreak() {
        return lineBreak;
    }

    /**
     * Makes words end where {@code delimiter} starts: the mysql client finds its delimiter anywhere outside quotes and
     * comments, so {@code END$$} must not be read as one identifier.
     */
    void stopWordsAt(String delimiter) {
        wordStop = delimiter;
    }

    /** Reads the token starting at {@code pos} and returns the index just after it; {@link #kind()} tells what it was. */
    int next(int pos) {
        char c = src.charAt(pos);
        if (isSpace(c)) {
            return space(pos);
        }
        char d = pos + 1 < len ? src.charAt(pos + 1) : 0;
        switch (c) {
            case '-':
                // MySQL only takes "--" as a comment when a space or control character follows, so "5--1" is 5 - -1.
                if (d == '-' && (syntax != SqlSyntax.MYSQL || pos + 2 >= len || src.charAt(pos + 2) <= ' ')) {
                    return lineComment(pos);
                }
                break;
            case '#':
                if (syntax == SqlSyntax.MYSQL) {
                    return lineComment(pos);
                }
                break;
            case '/':
                if (d == '*') {
                    return blockComment(pos);
                }
                if (d == '/' && syntax == SqlSyntax.H2) {
                    return lineComment(pos);
                }
                break;
            case '\'':
                return quoted(pos, pos + 1, '\'', syntax == SqlSyntax.MYSQL, "string literal");
            case '"':
                return syntax == SqlSyntax.MYSQL
                        ? quoted(pos, pos + 1, '"', true, "string literal")
                        : quoted(pos, pos + 1, '"', false, "quoted identifier");
            case '`':
                if (syntax == SqlSyntax.MYSQL) {
                    return quoted(pos, pos + 1, '`', false, "quoted identifier");
                }
                break;
            case '[':
                if (syntax == SqlSyntax.SQLSERVER) {
                    return quoted(pos, pos + 1, ']', false, "bracketed identifier");
                }
                break;
            case '$':
                if (syntax == SqlSyntax.POSTGRESQL || syntax == SqlSyntax.H2) {
                    int end = dollarQuote(pos);
                    if (end >= 0) {
                        return end;
                    }
                }
                break;
            default:
                if (Character.isLetterOrDigit(c) || c == '_') {
                    return word(pos);
                }
        }
        kind = Kind.SYMBOL;
        return pos + 1;
    }

    boolean wordIs(int start, int end, String keyword) {
        return end - start == keyword.length() && src.regionMatches(true, start, keyword, 0, keyword.length());
    }

    /** The index of the line break (or end of script) ending the line that {@code from} is on. */
    int lineEnd(int from) {
        int i = from;
        while (i < len && !isLineBreak(src.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the line ends if only blanks follow {@code from} on it, else -1. */
    int blankUntilLineEnd(int from) {
        int i = from;
        while (i < len && isSpace(src.charAt(i)) && !isLineBreak(src.charAt(i))) {
            i++;
        }
        return i == len || isLineBreak(src.charAt(i)) ? i : -1;
    }

    /**
     * The 1-based line holding {@code pos}. Line starts are indexed on the first call, once, so that numbering a
     * statement is a binary search rather than a rescan; a lexer that is never asked (classifying a statement by its
     * first words, which every statement of every run is) never scans the whole text for line breaks.
     */
    int lineOf(int pos) {
        if (lineStarts == null) {
            indexLines();
        }
        int i = Arrays.binarySearch(lineStarts, 0, lineCount, pos);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private void indexLines() {
        int[] starts = new int[64];
        int count = 1;
        for (int i = 0; i < len; i++) {
            char c = src.charAt(i);
            if (isLineBreak(c)) {
                if (c == '\r' && i + 1 < len && src.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        lineStarts = starts;
        lineCount = count;
    }

    ConfigurationException error(int pos, String problem) {
        return new ConfigurationException(scriptName + " line " + lineOf(pos) + ": " + problem);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private int space(int start) {
        boolean br = false;
        int i = start;
        while (i < len && isSpace(src.charAt(i))) {
            br |= isLineBreak(src.charAt(i));
            i++;
        }
        lineBreak = br;
        kind = Kind.SPACE;
        return i;
    }

    private int lineComment(int start) {
        kind = Kind.COMMENT;
        return lineEnd(start);
    }

    private int blockComment(int start) {
        // MySQL runs the text of /*! ... */ (and MariaDB of /*M! ... */), so those belong to the statement.
        boolean executable = syntax == SqlSyntax.MYSQL && start + 2 < len
                && (src.charAt(start + 2) == '!' || src.startsWith("M!", start + 2));
        // H2 nests block comments too: "/* a /* b */ ; */" is one comment there.
        boolean nests = syntax == SqlSyntax.POSTGRESQL || syntax == SqlSyntax.SQLSERVER || syntax == SqlSyntax.H2;
        int depth = 1;
        int maxDepth = 1;
        int i = start + 2;
        while (i < len - 1) {
            char c = src.charAt(i);
            if (c == '*' && src.charAt(i + 1) == '/') {
                if (--depth == 0) {
                    kind = executable ? Kind.QUOTED : Kind.COMMENT;
                    return i + 2;
                }
                i += 2;
            } else if (nests && c == '/' && src.charAt(i + 1) == '*') {
                maxDepth = Math.max(maxDepth, ++depth);
                i += 2;
            } else if (executable && (c == '\'' || c == '"' || c == '`')) {
                // MySQL runs the comment's text as SQL, so a "*/" inside a string there does not end it.
                i = quoted(i, i + 1, c, c != '`', c == '`' ? "quoted identifier" : "string literal");
            } else {
                i++;
            }
        }
        String what = executable ? "executable comment" : "block comment";
        String hint = maxDepth > 1 ? " (block comments nest here, so every inner /* needs its own */)" : "";
        throw unterminated(start, what, snippet(start), "*/", hint);
    }

    private int quoted(int start, int from, char close, boolean backslashEscapes, String what) {
        int i = from;
        while (i < len) {
            char c = src.charAt(i);
            if (c == '\\' && backslashEscapes) {
                i += 2;
            } else if (c == close) {
                if (i + 1 < len && src.charAt(i + 1) == close) {
                    i += 2;
                } else {
                    kind = Kind.QUOTED;
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw unterminated(start, what, snippet(start), String.valueOf(close), "");
    }

    private int dollarQuote(int start) {
        int i = start + 1;
        // A tag is an identifier without '$'; it cannot start with a digit, which is what keeps $1 a parameter.
        // As PostgreSQL's scanner: a letter, '_' or any non-ASCII character starts it ($€$ is a tag), digits follow.
        if (syntax == SqlSyntax.POSTGRESQL && i < len && isTagStart(src.charAt(i))) {
            i++;
            while (i < len && (isTagStart(src.charAt(i)) || Character.isDigit(src.charAt(i)))) {
                i++;
            }
        }
        if (i >= len || src.charAt(i) != '$') {
            return -1;
        }
        String tag = src.substring(start, i + 1);
        int close = src.indexOf(tag, i + 1);
        if (close < 0) {
            throw unterminated(start, "dollar quote", tag, tag, "");
        }
        kind = Kind.QUOTED;
        return close + tag.length();
    }

    private static boolean isTagStart(char c) {
        return c >= 0x80 || c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private int word(int start) {
        int i = start + 1;
        while (i < len && isWordPart(src.charAt(i)) && (wordStop == null || !src.startsWith(wordStop, i))) {
            i++;
        }
        if (i < len && src.charAt(i) == '\'') {
            char first = src.charAt(start);
            if (syntax == SqlSyntax.POSTGRESQL && i - start == 1 && (first == 'E' || first == 'e')) {
                return quoted(start, i + 1, '\'', true, "escape string");
            }
            if (syntax == SqlSyntax.ORACLE && isQPrefix(start, i)) {
                int end = qQuote(start, i + 1);
                if (end >= 0) {
                    return end;
                }
            }
        }
        kind = Kind.WORD;
        return i;
    }

    private boolean isWordPart(char c) {
        if (Character.isLetterOrDigit(c) || c == '_') {
            return true;
        }
        return switch (c) {
            case '$' -> syntax != SqlSyntax.H2;
            case '#' -> syntax == SqlSyntax.ORACLE || syntax == SqlSyntax.SQLSERVER;
            case '@' -> syntax == SqlSyntax.SQLSERVER;
            default -> false;
        };
    }

    private boolean isQPrefix(int start, int quote) {
        int n = quote - start;
        char last = src.charAt(quote - 1);
        if (last != 'q' && last != 'Q') {
            return false;
        }
        return n == 1 || (n == 2 && (src.charAt(start) == 'n' || src.charAt(start) == 'N'));
    }

    private int qQuote(int start, int open) {
        // Oracle rejects a blank delimiter; leaving it to the plain string rules lets the database report it.
        if (open >= len || isSpace(src.charAt(open))) {
            return -1;
        }
        char close = switch (src.charAt(open)) {
            case '[' -> ']';
            case '{' -> '}';
            case '(' -> ')';
            case '<' -> '>';
            default -> src.charAt(open);
        };
        int end = src.indexOf(close + "'", open + 1);
        if (end < 0) {
            throw unterminated(start, "q-quoted string", src.substring(start, open + 1), close + "'", "");
        }
        kind = Kind.QUOTED;
        return end + 2;
    }

    private ConfigurationException unterminated(int start, String what, String opening, String closer, String hint) {
        return error(start, "the " + what + " " + opening + " is never closed; close it with " + closer
                + " before the end of the script" + hint);
    }

    /** The start of the unclosed construct as written, so the message can be matched to the line by eye. */
    private String snippet(int start) {
        int max = Math.min(len, start + SNIPPET_LENGTH);
        int end = start;
        while (end < max && !isLineBreak(src.charAt(end))) {
            end++;
        }
        boolean cut = end < len && !isLineBreak(src.charAt(end));
        return src.substring(start, end).strip() + (cut ? "..." : "");
    }
}
