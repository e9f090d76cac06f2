package dev.migrator.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of catalog queries that the server aggregated into one JSON text: an array with one element per query,
 * each {@code null} (no rows) or an array of objects ({@code json_agg} of the rows) whose values are scalars, read by
 * position (the keys are the column names, which may repeat).
 *
 * <p>Written here rather than taken from a JSON library: migrator-jdbc depends on none, and this reads one shape
 * only, which exists for speed: a schema snapshot read as one text costs one round trip and no per-row driver work,
 * and the text can be stored as it is, its model built only when a drift check compares it
 * ({@link PostgresSnapshot}).
 */
final class JsonRows {
    private final String text;
    private int pos;

    private JsonRows(String text) {
        this.text = text;
    }

    /** The rows of each query, each row its values in column order (text as written; true/false; null). */
    static List<List<String[]>> parse(String text) {
        JsonRows p = new JsonRows(text);
        List<List<String[]>> sets = new ArrayList<>();
        p.expect('[');
        if (p.peek() == ']') {
            p.pos++;
        } else {
            do {
                sets.add(p.rows());
            } while (p.next(',', ']') == ',');
        }
        if (p.pos < text.length() && !text.substring(p.pos).isBlank()) {
            throw p.error("text after the end");
        }
        return sets;
    }

    /** One query's rows: {@code null} or an array of objects. */
    private List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        if (peek() == 'n') {
            if (scalar() != null) {
                throw error("expected an array of rows or null");
            }
            return rows;
        }
        expect('[');
        if (peek() == ']') {
            pos++;
            return rows;
        }
        List<String> values = new ArrayList<>();
        do {
            expect('{');
            values.clear();
            if (peek() == '}') {
                pos++;
            } else {
                do {
                    string();
                    expect(':');
                    values.add(scalar());
                } while (next(',', '}') == ',');
            }
            rows.add(values.toArray(new String[0]));
        } while (next(',', ']') == ',');
        return rows;
    }

    private char peek() {
        while (pos < text.length() && text.charAt(pos) <= ' ') {
            pos++;
        }
        if (pos == text.length()) {
            throw error("the text ends early");
        }
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    /** Reads one of two characters, and says which. */
    private char next(char a, char b) {
        char c = peek();
        if (c != a && c != b) {
            throw error("expected '" + a + "' or '" + b + "'");
        }
        pos++;
        return c;
    }

    /** A string's text, a number's or true/false as written, or null. */
    private String scalar() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            throw error("a nested value, where a catalog row has scalars only");
        }
        int start = pos;
        while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String word = text.substring(start, pos);
        return word.equals("null") ? null : word;
    }

    private String string() {
        expect('"');
        int start = pos;
        // The usual case, a value without escapes, is one substring.
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\') {
                break;
            }
            pos++;
        }
        StringBuilder b = new StringBuilder(text.length() - start < 64 ? 64 : 256).append(text, start, pos);
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos == text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("a \\u escape ends early");
                    }
                    b.append((char) Integer.parseInt(text, pos, pos + 4, 16));
                    pos += 4;
                }
                default -> b.append(e);   // \" \\ \/
            }
        }
        throw error("a string is not closed");
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException("Cannot read the catalog rows as JSON at offset " + pos + ": " + what);
    }
}
