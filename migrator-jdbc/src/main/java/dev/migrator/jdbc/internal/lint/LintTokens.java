package dev.migrator.jdbc.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts one statement (already split from its script, so every quote and comment is closed) into the tokens the rules
 * look at: words, quoted identifiers, literals and single symbols, with comments dropped.
 *
 * <p>Deliberately minimal: the rules only need a statement's keywords and names in order. Helper h-input writes a
 * token-based statement classifier for the splitter in {@code jdbc.internal}; once both are on main, this one should
 * be replaced by it (they answer the same question: "what are the significant words of this statement?").
 */
final class LintTokens {

    /** What a token is. */
    enum Kind { WORD, IDENT, STRING, NUMBER, SYMBOL }

    /**
     * One token.
     *
     * @param kind  what it is
     * @param text  a word upper-cased, a quoted identifier without its quotes, a literal or symbol as written
     * @param depth how many parentheses enclose it
     */
    record Token(Kind kind, String text, int depth) {
        boolean is(String word) {
            return kind == Kind.WORD && text.equals(word);
        }

        boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
        }

        /** An identifier as the database compares it: unquoted words folded to lower case. */
        String name() {
            return kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
        }
    }

    /**
     * One string per ASCII symbol, made on first use and shared (a statement has a symbol token for every comma and
     * parenthesis); a race makes at most an equal string twice.
     */
    private static final String[] SYMBOLS = new String[128];

    private LintTokens() {
    }

    /** The tokens of {@code sql}; {@code hashComments} for MySQL, where {@code #} starts a comment. */
    static List<Token> of(String sql, boolean hashComments) {
        return of(sql, hashComments, Integer.MAX_VALUE);
    }

    /** The first {@code limit} tokens of {@code sql} (fewer if it has fewer): reading stops there. */
    static List<Token> of(String sql, boolean hashComments, int limit) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        int n = sql.length();
        int i = 0;
        while (i < n && out.size() < limit) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ((c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') || (c == '#' && hashComments)) {
                while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = blockCommentEnd(sql, i);
            } else if (c == '\'') {
                int end = quoteEnd(sql, i, '\'', hashComments);
                out.add(new Token(Kind.STRING, sql.substring(i, end), depth));
                i = end;
            } else if (c == '"' || c == '`') {
                int end = quoteEnd(sql, i, c, false);
                out.add(new Token(Kind.IDENT, sql.substring(i + 1, Math.max(i + 1, end - 1))
                        .replace(String.valueOf(c) + c, String.valueOf(c)), depth));
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close + tag.length();
                out.add(new Token(Kind.STRING, sql.substring(i, end), depth));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                // E'..' and similar prefixed strings: the prefix belongs to the literal.
                if (i < n && sql.charAt(i) == '\'' && i - start <= 2) {
                    int end = quoteEnd(sql, i, '\'', true);
                    out.add(new Token(Kind.STRING, sql.substring(start, end), depth));
                    i = end;
                } else {
                    out.add(new Token(Kind.WORD, sql.substring(start, i).toUpperCase(Locale.ROOT), depth));
                }
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, sql.substring(start, i), depth));
            } else {
                if (c == ')') {
                    depth = Math.max(0, depth - 1);
                }
                out.add(new Token(Kind.SYMBOL, symbol(c), depth));
                if (c == '(') {
                    depth++;
                }
                i++;
            }
        }
        return out;
    }

    private static String symbol(char c) {
        if (c >= SYMBOLS.length) {
            return String.valueOf(c);
        }
        String s = SYMBOLS[c];
        if (s == null) {
            s = String.valueOf(c);
            SYMBOLS[c] = s;
        }
        return s;
    }

    private static int blockCommentEnd(String sql, int start) {
        int nesting = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                nesting++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                nesting--;
                i += 2;
                if (nesting == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    private static int quoteEnd(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && backslashEscapes) {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** The {@code $tag$} opening a dollar-quoted string at {@code i}, or null. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }
}
