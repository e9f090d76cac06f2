package dev.migrator.jdbc.internal.lint;

import dev.migrator.jdbc.internal.SqlSyntax;
import dev.migrator.jdbc.internal.StatementTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts one statement (already split from its script, so every quote and comment is closed) into the tokens the rules
 * look at: words, quoted identifiers, literals and single symbols, with comments dropped. The statement is read by
 * {@link StatementTokens}, the lexer that split it, so the rules see the same words the splitter and the statement
 * classifier saw.
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

    /** The tokens of {@code sql}, read in {@code syntax}. */
    static List<Token> of(String sql, SqlSyntax syntax) {
        return of(sql, syntax, Integer.MAX_VALUE);
    }

    /** The first {@code limit} tokens of {@code sql} (fewer if it has fewer): reading stops there. */
    static List<Token> of(String sql, SqlSyntax syntax, int limit) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        StatementTokens tokens = new StatementTokens(sql, syntax);
        while (out.size() < limit && tokens.next()) {
            int start = tokens.start();
            int end = tokens.end();
            switch (tokens.kind()) {
                case WORD -> out.add(new Token(Kind.WORD, sql.substring(start, end).toUpperCase(Locale.ROOT), depth));
                case NUMBER -> out.add(new Token(Kind.NUMBER, sql.substring(start, end), depth));
                case QUOTED -> quoted(sql, start, end, depth, out);
                case SYMBOL -> {
                    char c = sql.charAt(start);
                    if (c == ')') {
                        depth = Math.max(0, depth - 1);
                    }
                    out.add(new Token(Kind.SYMBOL, symbol(c), depth));
                    if (c == '(') {
                        depth++;
                    }
                }
            }
        }
        return out;
    }

    /**
     * A quoted name without its quotes (a doubled quote inside read as one), or a literal as written. A MySQL
     * executable comment is left out, as the rules have always read it: as a comment.
     */
    private static void quoted(String sql, int start, int end, int depth, List<Token> out) {
        char open = sql.charAt(start);
        if (open == '/') {
            return;
        }
        if (open == '"' || open == '`' || open == '[') {
            char close = open == '[' ? ']' : open;
            String inner = sql.substring(start + 1, Math.max(start + 1, end - 1));
            out.add(new Token(Kind.IDENT, inner.replace(String.valueOf(close) + close, String.valueOf(close)), depth));
        } else {
            out.add(new Token(Kind.STRING, sql.substring(start, end), depth));
        }
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
}
