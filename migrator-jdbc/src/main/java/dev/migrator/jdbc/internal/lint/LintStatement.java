package dev.migrator.jdbc.internal.lint;

import dev.migrator.jdbc.internal.lint.LintTokens.Kind;
import dev.migrator.jdbc.internal.lint.LintTokens.Token;

import java.util.List;

/**
 * One statement of a script as the rules see it: its tokens, with questions a rule asks ("does it start with ALTER
 * TABLE?", "which table does it name?").
 *
 * @param script the file name
 * @param line   the 1-based line it starts on
 * @param text   the statement as written
 * @param tokens its tokens, comments dropped
 */
record LintStatement(String script, int line, String text, List<Token> tokens) {

    LintStatement {
        tokens = List.copyOf(tokens);
    }

    /** Whether the statement's first words are {@code words}. */
    boolean startsWith(String... words) {
        return matchesAt(0, words);
    }

    /** Whether the words {@code words} follow each other at {@code index}. */
    boolean matchesAt(int index, String... words) {
        if (index + words.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!tokens.get(index + k).is(words[k])) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first run of {@code words} at or after {@code from}, outside parentheses; -1 if none. */
    int find(int from, String... words) {
        for (int i = Math.max(0, from); i < tokens.size(); i++) {
            if (tokens.get(i).depth() == 0 && matchesAt(i, words)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the words {@code words} follow each other anywhere outside parentheses. */
    boolean has(String... words) {
        return find(0, words) >= 0;
    }

    /** Whether the word occurs anywhere, inside parentheses too. */
    boolean hasAnywhere(String word) {
        for (Token t : tokens) {
            if (t.is(word)) {
                return true;
            }
        }
        return false;
    }

    Token token(int index) {
        return index >= 0 && index < tokens.size() ? tokens.get(index) : null;
    }

    int size() {
        return tokens.size();
    }

    /**
     * The object name that starts at {@code index}, after {@code IF [NOT] EXISTS} and {@code ONLY}: the last part of a
     * qualified name, as the database folds it; null if none.
     */
    Name nameAt(int index) {
        int i = skipQualifiers(index);
        Token t = token(i);
        if (t == null || (t.kind() != Kind.WORD && t.kind() != Kind.IDENT)) {
            return null;
        }
        String name = t.name();
        while (token(i + 1) != null && token(i + 1).isSymbol('.') && token(i + 2) != null
                && (token(i + 2).kind() == Kind.WORD || token(i + 2).kind() == Kind.IDENT)) {
            i += 2;
            name = token(i).name();
        }
        return new Name(name, i + 1);
    }

    private int skipQualifiers(int index) {
        int i = index;
        while (true) {
            if (matchesAt(i, "IF", "NOT", "EXISTS")) {
                i += 3;
            } else if (matchesAt(i, "IF", "EXISTS")) {
                i += 2;
            } else if (matchesAt(i, "ONLY")) {
                i += 1;
            } else {
                return i;
            }
        }
    }

    /** The text cut to a length that reads well in one line of a report. */
    String excerpt() {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 200 ? flat : flat.substring(0, 197) + "...";
    }

    /**
     * A name read from the statement.
     *
     * @param value the name as the database compares it
     * @param next  the index of the token after it
     */
    record Name(String value, int next) {
    }
}
