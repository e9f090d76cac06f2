package dev.migrator.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The keywords of one statement, for dialects that classify statements: its words outside strings, quoted
 * identifiers and comments, upper-cased, in order. A SQL Server batch holds several statements, so a regular
 * expression anchored at its start would miss an {@code ALTER DATABASE} in its middle, and one that is not anchored
 * would find it inside a string.
 */
final class SqlWords {
    private final List<String> words;

    private SqlWords(List<String> words) {
        this.words = words;
    }

    /** Reads {@code statement}, which the splitter already accepted, so its quotes and comments are all closed. */
    static SqlWords of(String statement, SqlSyntax syntax) {
        SqlLexer lexer = new SqlLexer(statement, syntax, "statement");
        List<String> words = new ArrayList<>();
        int pos = 0;
        while (pos < statement.length()) {
            int end = lexer.next(pos);
            if (lexer.kind() == SqlLexer.Kind.WORD) {
                words.add(statement.substring(pos, end).toUpperCase(Locale.ROOT));
            }
            pos = end;
        }
        return new SqlWords(words);
    }

    /** The first word, or the empty string. */
    String first() {
        return words.isEmpty() ? "" : words.get(0);
    }

    /** The word after the first, or the empty string. */
    String second() {
        return words.size() < 2 ? "" : words.get(1);
    }

    /** Whether any word is one of {@code candidates}. */
    boolean containsAny(Set<String> candidates) {
        for (String w : words) {
            if (candidates.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word from {@code firsts} is directly followed by one from {@code seconds}. */
    boolean containsPair(Set<String> firsts, Set<String> seconds) {
        return indexOfPair(firsts, seconds, 0) >= 0;
    }

    /** Whether some word from {@code firsts} is followed directly by one of {@code seconds} and then {@code thirds}. */
    boolean containsTriple(Set<String> firsts, Set<String> seconds, Set<String> thirds) {
        for (int i = indexOfPair(firsts, seconds, 0); i >= 0; i = indexOfPair(firsts, seconds, i + 1)) {
            if (i + 2 < words.size() && thirds.contains(words.get(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /** Whether any word starts with {@code prefix}. */
    boolean containsPrefix(String prefix) {
        for (String w : words) {
            if (w.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private int indexOfPair(Set<String> firsts, Set<String> seconds, int from) {
        for (int i = from; i + 1 < words.size(); i++) {
            if (firsts.contains(words.get(i)) && seconds.contains(words.get(i + 1))) {
                return i;
            }
        }
        return -1;
    }
}
