package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;

/**
 * The significant tokens of one statement, read by the {@link SqlLexer} that split it: words, numbers, quoted text
 * and symbols, without whitespace and comments. The linter reads statements through it, so splitting, classifying
 * and linting agree on where every string, quoted name and comment ends, in every dialect's syntax.
 */
public final class StatementTokens {

    /** What a token is. */
    public enum Kind {
        /** A keyword or an unquoted name. */
        WORD,
        /** A number: a digit, then letters, digits and dots ({@code 12.50}, {@code 1e3}). */
        NUMBER,
        /**
         * Quoted text: a string (with its prefix, {@code E'..'}, {@code N'..'}, {@code X'..'}), a quoted name
         * ({@code "a"}, {@code `a`}, {@code [a]}), a dollar or q-quote, or a MySQL executable comment
         * ({@code /*!..*}{@code /}).
         */
        QUOTED,
        /** Any other single character. */
        SYMBOL
    }

    /** Takes each token, as its kind and where it is in the statement; returns false to stop the reading there. */
    @FunctionalInterface
    public interface Sink {
        boolean token(Kind kind, int start, int end);
    }

    private StatementTokens() {
    }

    /**
     * Passes the tokens of {@code statement} to {@code sink} until it returns false. Text the lexer cannot close (a
     * statement another splitter accepted) is passed as one quoted token to the end.
     */
    public static void read(String statement, SqlSyntax syntax, Sink sink) {
        SqlLexer lexer = new SqlLexer(statement, syntax, "statement");
        int n = statement.length();
        int pos = 0;
        while (pos < n) {
            if (Character.isDigit(statement.charAt(pos))) {
                int end = pos + 1;
                while (end < n && (Character.isLetterOrDigit(statement.charAt(end)) || statement.charAt(end) == '.')) {
                    end++;
                }
                if (!sink.token(Kind.NUMBER, pos, end)) {
                    return;
                }
                pos = end;
                continue;
            }
            int end;
            try {
                end = lexer.next(pos);
                // A prefix of one or two letters right before a quote belongs to the string: N'..', X'..', B'..'.
                if (lexer.kind() == SqlLexer.Kind.WORD && end - pos <= 2 && end < n && statement.charAt(end) == '\'') {
                    end = lexer.next(end);
                }
            } catch (ConfigurationException unterminated) {
                sink.token(Kind.QUOTED, pos, n);
                return;
            }
            Kind kind = switch (lexer.kind()) {
                case WORD -> Kind.WORD;
                case QUOTED -> Kind.QUOTED;
                case SYMBOL -> Kind.SYMBOL;
                case SPACE, COMMENT -> null;
            };
            if (kind != null && !sink.token(kind, pos, end)) {
                return;
            }
            pos = end;
        }
    }
}
