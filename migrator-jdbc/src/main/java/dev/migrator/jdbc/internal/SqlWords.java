package dev.migrator.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The keywords of one statement, the one classifier every dialect uses: its words outside strings, quoted
 * identifiers and comments, upper-cased, in order. Comments anywhere are skipped, so
 * {@code CREATE INDEX /* online *}{@code / CONCURRENTLY} reads as {@code CREATE INDEX CONCURRENTLY}; the text of a
 * MySQL executable comment ({@code /*!40101 ... *}{@code /}) is read as words, since MySQL runs it. A SQL Server batch holds several statements, so a regular
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
        List<String> words = new ArrayList<>();
        collect(statement, syntax, words, Integer.MAX_VALUE);
        return new SqlWords(words);
    }

    /**
     * Only the first {@code n} words: what a rule that looks at how a statement starts needs. Reading stops there,
     * so classifying an {@code INSERT} with thousands of values does not read them all (every statement of every
     * script is classified before it runs).
     */
    static SqlWords head(String statement, SqlSyntax syntax, int n) {
        List<String> words = new ArrayList<>(n);
        collect(statement, syntax, words, n);
        return new SqlWords(words);
    }

    private static void collect(String text, SqlSyntax syntax, List<String> words, int limit) {
        SqlLexer lexer = new SqlLexer(text, syntax, "statement");
        int pos = 0;
        while (pos < text.length() && words.size() < limit) {
            int end = lexer.next(pos);
            if (lexer.kind() == SqlLexer.Kind.WORD) {
                words.add(text.substring(pos, end).toUpperCase(Locale.ROOT));
            } else if (lexer.kind() == SqlLexer.Kind.QUOTED && syntax == SqlSyntax.MYSQL && text.startsWith("/*", pos)) {
                int from = pos + (text.startsWith("/*!", pos) ? 3 : 4);
                while (from < end - 2 && Character.isDigit(text.charAt(from))) {
                    from++;
                }
                collect(text.substring(from, end - 2), syntax, words, limit);
            }
            pos = end;
        }
    }

    /** The first {@code n} words (fewer if the statement has fewer), for rules that look at how a statement starts. */
    List<String> first(int n) {
        return words.subList(0, Math.min(n, words.size()));
    }

    /** All the words, in order. */
    List<String> all() {
        return words;
    }

    /** Whether the statement starts with these words, in this order. */
    boolean startsWith(String... keywords) {
        if (keywords.length > words.size()) {
            return false;
        }
        for (int i = 0; i < keywords.length; i++) {
            if (!words.get(i).equals(keywords[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether any word is {@code word}. */
    boolean contains(String word) {
        return words.contains(word);
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
