package dev.migrator.api.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Keeps credentials out of messages, logs and the history: driver errors sometimes echo the connection URL, and
 * failing statements may hold a password. Targets pass every message that may hold a URL or a driver error through
 * {@link #mask}; where the secrets are known (a target's own password, the literals of a failing statement, secret
 * placeholder values), {@link #scrub} removes them wherever they stand.
 *
 * <p>One pass over the text, no regular expression: its time grows with the text's length, whatever the text (a
 * 12 KB password literal, a megabyte of {@code ://}), and it never recurses.
 *
 * <p>What {@link #mask} hides:
 * <ul>
 *   <li>{@code key=value} and {@code key: value} where the key's name holds {@code password}, {@code passwd},
 *       {@code pwd}, {@code secret}, {@code token} or {@code apikey} ({@code sslpassword=}, {@code "pwd": "..."},
 *       {@code trustStorePassword=}); an unquoted value runs to white space, {@code &}, a double quote, or a
 *       {@code ;} that starts another {@code name=} (SQL Server URLs), so {@code , ; )} inside a password are
 *       hidden too;</li>
 *   <li>URL user-info: {@code ://user:password@host}, up to the last {@code @} before the path;</li>
 *   <li>the string after SQL {@code PASSWORD}, {@code IDENTIFIED BY}, {@code IDENTIFIED WITH plugin BY|AS}:
 *       {@code '...'} (with {@code ''} and backslash escapes), {@code E'...'}, {@code N'...'}, {@code "..."},
 *       {@code $$...$$} and {@code $tag$...$tag$}, also as {@code PASSWORD('...')} and {@code PASSWORD = '...'}.</li>
 * </ul>
 */
public final class Secrets {
    /** What a hidden value is replaced by. */
    public static final String MASK = "****";
    /** Known secrets shorter than this are not scrubbed: they would scrub ordinary words. */
    public static final int MIN_SCRUBBED = 4;
    private static final String[] SECRET_WORDS = {"password", "passwd", "pwd", "secret", "token", "apikey", "api_key",
        "credential", "privatekey", "private_key"};
    /** A URL password longer than this is not looked for: it bounds the look-ahead, so that the pass stays linear. */
    private static final int USER_INFO_MAX = 1024;

    private Secrets() {
    }

    /** The text with any password-like value and URL user-info password replaced by {@code ****}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        return new Scanner(text, null).run();
    }

    /**
     * The values that {@link #mask} would hide in {@code text}: a failing statement's password literal, which a server
     * may echo in its error message without the keyword before it.
     */
    public static List<String> secretsIn(String text) {
        List<String> found = new ArrayList<>();
        if (text != null) {
            new Scanner(text, found).run();
        }
        return found;
    }

    /**
     * {@link #mask}, after replacing every known secret (of at least {@link #MIN_SCRUBBED} characters) that stands as
     * a word of its own: a password {@code idle} is hidden in {@code Incorrect port value : idle@host}, not in a user
     * name {@code idle_r}.
     */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SCRUBBED) {
                out = replaceWord(out, secret);
            }
        }
        return mask(out);
    }

    /**
     * Whether a name (of a placeholder, a parameter, a key) says that its value is a secret: it holds
     * {@code password}, {@code passwd}, {@code pwd}, {@code secret}, {@code token}, {@code apikey}, {@code api_key},
     * {@code credential} or {@code private_key}, in any case.
     */
    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The text cut to {@code max} characters, marked when cut. */
    public static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "... (" + (text.length() - max) + " more characters)";
    }

    /** Whether {@code c} belongs to a word: a secret next to one is part of something else. */
    static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String replaceWord(String text, String secret) {
        int at = text.indexOf(secret);
        if (at < 0) {
            return text;
        }
        boolean wordStart = wordChar(secret.charAt(0));
        boolean wordEnd = wordChar(secret.charAt(secret.length() - 1));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (at >= 0) {
            int end = at + secret.length();
            boolean alone = (!wordStart || at == 0 || !wordChar(text.charAt(at - 1)))
                    && (!wordEnd || end == text.length() || !wordChar(text.charAt(end)));
            if (alone) {
                out.append(text, copied, at).append(MASK);
                copied = end;
                at = text.indexOf(secret, end);
            } else {
                at = text.indexOf(secret, at + 1);
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** One pass over a text, copying it to {@link #out} with the secrets masked. */
    private static final class Scanner {
        private final String text;
        private final List<String> found;
        private final StringBuilder out;
        private int i;

        Scanner(String text, List<String> found) {
            this.text = text;
            this.found = found;
            this.out = new StringBuilder(text.length());
        }

        String run() {
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (c == ':' && text.startsWith("://", i)) {
                    out.append("://");
                    i += 3;
                    userInfo();
                } else if (wordChar(c) && (i == 0 || !wordChar(text.charAt(i - 1)))) {
                    word();
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        /** After {@code ://}: {@code user:password@}, the password masked; anything else copied as it is. */
        private void userInfo() {
            int n = text.length();
            int user = i;
            while (user < n && user - i < USER_INFO_MAX && !isSpace(text.charAt(user))
                    && ":/@".indexOf(text.charAt(user)) < 0) {
                user++;
            }
            if (user == i || user >= n || text.charAt(user) != ':') {
                return;
            }
            int lastAt = -1;
            int limit = Math.min(n, user + 1 + USER_INFO_MAX);
            for (int j = user + 1; j < limit; j++) {
                char c = text.charAt(j);
                if (isSpace(c) || (lastAt >= 0 && (c == '/' || c == '?' || c == '#'))) {
                    break;
                }
                if (c == '@') {
                    lastAt = j;
                }
            }
            if (lastAt < 0 || lastAt == user + 1) {
                return;
            }
            out.append(text, i, user + 1);
            hide(user + 1, lastAt);
            i = lastAt;
        }

        /** A word: a secret-named key with its value, a SQL keyword with its literal, or just the word. */
        private void word() {
            int start = i;
            int end = start;
            int n = text.length();
            while (end < n && wordChar(text.charAt(end))) {
                end++;
            }
            String word = text.substring(start, end);
            out.append(word);
            i = end;
            String upper = word.toUpperCase(Locale.ROOT);
            if (isSecretName(word) && keyValue()) {
                return;
            }
            if (upper.equals("PASSWORD")) {
                literal();
            } else if (upper.equals("IDENTIFIED")) {
                identified();
            }
        }

        /** After a secret-named key: {@code = value} or {@code : value} (the key may be quoted, JSON). */
        private boolean keyValue() {
            int n = text.length();
            int j = i;
            if (j < n && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
                j++;
            }
            j = skipSpace(j);
            if (j >= n || (text.charAt(j) != '=' && text.charAt(j) != ':')) {
                return false;
            }
            j = skipSpace(j + 1);
            if (j >= n) {
                return false;
            }
            if (j + 1 < n && "EeNn".indexOf(text.charAt(j)) >= 0 && text.charAt(j + 1) == '\'') {
                j++;
            }
            out.append(text, i, j);
            i = j;
            if (quoted()) {
                return true;
            }
            int end = j;
            while (end < n) {
                char c = text.charAt(end);
                if (isSpace(c) || c == '&' || c == '"' || (c == ';' && startsParameter(end + 1))) {
                    break;
                }
                end++;
            }
            if (end == j) {
                return true;
            }
            hide(j, end);
            i = end;
            return true;
        }

        /** After {@code IDENTIFIED}: {@code BY '...'}, or {@code WITH plugin BY|AS '...'}. */
        private void identified() {
            int j = skipSpace(i);
            String next = wordAt(j);
            if (next.equalsIgnoreCase("WITH")) {
                j = skipSpace(j + next.length());
                String plugin = wordAt(j);
                if (plugin.isEmpty()) {
                    return;
                }
                j = skipSpace(j + plugin.length());
                next = wordAt(j);
            }
            if (next.equalsIgnoreCase("BY") || next.equalsIgnoreCase("AS")) {
                int after = j + next.length();
                String keyword = wordAt(skipSpace(after));
                if (keyword.equalsIgnoreCase("PASSWORD")) {
                    // IDENTIFIED BY PASSWORD '*hash': the word PASSWORD masks its own literal.
                    return;
                }
                out.append(text, i, after);
                i = after;
                literal();
            }
        }

        /** After {@code PASSWORD} or {@code BY}: an optional {@code =} or {@code (}, then a string literal. */
        private void literal() {
            int n = text.length();
            int j = skipSpace(i);
            if (j < n && text.charAt(j) == '=') {
                j = skipSpace(j + 1);
            } else if (j < n && text.charAt(j) == '(') {
                j = skipSpace(j + 1);
            }
            if (j + 1 < n && "EeNn".indexOf(text.charAt(j)) >= 0 && text.charAt(j + 1) == '\'') {
                j++;
            }
            if (j < n && "'\"$".indexOf(text.charAt(j)) >= 0) {
                int mark = out.length();
                int before = i;
                out.append(text, i, j);
                i = j;
                if (!quoted()) {
                    out.setLength(mark);
                    i = before;
                }
            }
        }

        /** A quoted value at {@link #i}: {@code '...'}, {@code "..."}, {@code {...}}, {@code $tag$...$tag$}. */
        private boolean quoted() {
            int n = text.length();
            char open = text.charAt(i);
            int start = i;
            int contentStart;
            int contentEnd;
            int end;
            String close;
            if (open == '\'' || open == '"') {
                contentStart = i + 1;
                int j = contentStart;
                while (j < n) {
                    char c = text.charAt(j);
                    if (c == '\\' && j + 1 < n) {
                        j += 2;
                    } else if (c == open && j + 1 < n && text.charAt(j + 1) == open) {
                        j += 2;
                    } else if (c == open) {
                        break;
                    } else {
                        j++;
                    }
                }
                contentEnd = Math.min(j, n);
                end = Math.min(j + 1, n);
                close = j < n ? String.valueOf(open) : "";
            } else if (open == '{') {
                int j = text.indexOf('}', i + 1);
                contentStart = i + 1;
                contentEnd = j < 0 ? n : j;
                end = j < 0 ? n : j + 1;
                close = j < 0 ? "" : "}";
            } else if (open == '$') {
                int j = i + 1;
                while (j < n && wordChar(text.charAt(j))) {
                    j++;
                }
                if (j >= n || text.charAt(j) != '$') {
                    return false;
                }
                String tag = text.substring(i, j + 1);
                contentStart = j + 1;
                int k = text.indexOf(tag, contentStart);
                contentEnd = k < 0 ? n : k;
                end = k < 0 ? n : k + tag.length();
                close = k < 0 ? "" : tag;
            } else {
                return false;
            }
            record(contentStart, contentEnd);
            out.append(text, start, contentStart).append(MASK).append(close);
            i = end;
            return true;
        }

        private void hide(int from, int to) {
            record(from, to);
            out.append(MASK);
        }

        private void record(int from, int to) {
            if (found != null && to > from) {
                found.add(text.substring(from, to));
            }
        }

        /** Whether a parameter {@code name=} starts at {@code j}. */
        private boolean startsParameter(int j) {
            int n = text.length();
            int k = j;
            while (k < n && (wordChar(text.charAt(k)) || text.charAt(k) == '.' || text.charAt(k) == '-')) {
                k++;
            }
            return k > j && k < n && text.charAt(k) == '=';
        }

        private String wordAt(int j) {
            int k = j;
            while (k < text.length() && wordChar(text.charAt(k))) {
                k++;
            }
            return text.substring(j, k);
        }

        private int skipSpace(int j) {
            while (j < text.length() && isSpace(text.charAt(j))) {
                j++;
            }
            return j;
        }

        private static boolean isSpace(char c) {
            return Character.isWhitespace(c);
        }
    }
}
