package dev.migrator.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the literal values assigned in a Python migration file (Alembic's {@code revision = 'ae1027a6acf'},
 * {@code down_revision = ('a', 'b')}, Django's {@code dependencies = [('app', '0001_initial')]}) without running it:
 * strings, {@code None}, and tuples or lists of them, possibly nested and spread over lines. Anything else (a name,
 * a call, an f-string) is not a literal, and the caller says what to write instead.
 */
final class PythonAssignments {
    private PythonAssignments() {
    }

    /** Thrown for a value that is not made of literals; {@link #line} is 1-based. */
    static final class NotLiteral extends Exception {
        final int line;

        NotLiteral(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /**
     * An assignment found.
     *
     * @param line  the 1-based line of the name
     * @param value a {@code String}, {@code null} for {@code None}, or a {@code List<Object>} of such values
     */
    record Assignment(int line, Object value) {
    }

    /**
     * The value assigned to {@code name}, at any indentation (Django's class attributes) or at the start of a line
     * only ({@code topLevel}), with or without a type annotation ({@code revision: str = '...'}); the first such
     * assignment. Null when there is none.
     *
     * @throws NotLiteral when the value is not made of strings, None, tuples and lists
     */
    static Assignment find(String text, String name, boolean topLevel) throws NotLiteral {
        String[] lines = text.split("\n", -1);
        int offset = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int start = 0;
            if (!topLevel) {
                while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
                    start++;
                }
            }
            if (line.startsWith(name, start) && isAssignment(line, start + name.length())) {
                int eq = assignmentSign(line, start + name.length());
                Parser p = new Parser(text, offset + eq + 1, i + 1);
                Object value = p.value();
                p.endOfStatement();
                return new Assignment(i + 1, value);
            }
            offset += line.length() + 1;
        }
        return null;
    }

    private static boolean isAssignment(String line, int after) {
        return assignmentSign(line, after) >= 0;
    }

    /** The position of the {@code =} after a name (and its annotation), or -1 when this is not an assignment. */
    private static int assignmentSign(String line, int after) {
        int i = after;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        if (i < line.length() && line.charAt(i) == ':') {
            // An annotation such as `: Union[str, Sequence[str], None]`: skip to the `=` outside brackets.
            int depth = 0;
            for (i = i + 1; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '[' || c == '(') {
                    depth++;
                } else if (c == ']' || c == ')') {
                    depth--;
                } else if (c == '=' && depth == 0) {
                    break;
                }
            }
        }
        if (i >= line.length() || line.charAt(i) != '=' || (i + 1 < line.length() && line.charAt(i + 1) == '=')) {
            return -1;
        }
        return i;
    }

    /** A recursive-descent reader of one literal value. */
    private static final class Parser {
        private final String text;
        private int pos;
        private int line;

        Parser(String text, int pos, int line) {
            this.text = text;
            this.pos = pos;
            this.line = line;
        }

        Object value() throws NotLiteral {
            skipSpace(false);
            if (pos >= text.length()) {
                throw new NotLiteral(line, "the value is missing");
            }
            char c = text.charAt(pos);
            if (c == '(' || c == '[') {
                return sequence(c == '(' ? ')' : ']');
            }
            if (c == '\'' || c == '"') {
                return string();
            }
            if (text.startsWith("None", pos) && !identifierPart(pos + 4)) {
                pos += 4;
                return null;
            }
            int end = pos;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '#') {
                end++;
            }
            throw new NotLiteral(line, "'" + text.substring(pos, end).strip() + "' is not a literal");
        }

        private List<Object> sequence(char close) throws NotLiteral {
            pos++;
            List<Object> items = new ArrayList<>();
            while (true) {
                skipSpace(true);
                if (pos < text.length() && text.charAt(pos) == close) {
                    pos++;
                    return items;
                }
                items.add(value());
                skipSpace(true);
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == close) {
                    pos++;
                    return items;
                } else {
                    throw new NotLiteral(line, "expected ',' or '" + close + "'");
                }
            }
        }

        private String string() throws NotLiteral {
            char quote = text.charAt(pos);
            boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
            pos += triple ? 3 : 1;
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\\' && pos + 1 < text.length()) {
                    out.append(text.charAt(pos + 1));
                    pos += 2;
                    continue;
                }
                if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
                    pos += triple ? 3 : 1;
                    // Adjacent literals concatenate, as in Python.
                    int save = pos;
                    skipSpace(false);
                    if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
                        return out + string();
                    }
                    pos = save;
                    return out.toString();
                }
                if (c == '\n') {
                    if (!triple) {
                        throw new NotLiteral(line, "the string is not closed on its line");
                    }
                    line++;
                }
                out.append(c);
                pos++;
            }
            throw new NotLiteral(line, "the string is not closed");
        }

        /** After the value: only spaces and a comment may follow on the line. */
        void endOfStatement() throws NotLiteral {
            skipSpace(false);
            if (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                int end = text.indexOf('\n', pos);
                throw new NotLiteral(line, "'" + text.substring(pos, end < 0 ? text.length() : end).strip()
                        + "' follows the value");
            }
        }

        /** Skips spaces, comments and (inside brackets) line breaks. */
        private void skipSpace(boolean newlines) {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\r') {
                    pos++;
                } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                    pos += 2;
                    line++;
                } else if (c == '\n' && newlines) {
                    pos++;
                    line++;
                } else if (c == '#') {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    return;
                }
            }
        }

        private boolean identifierPart(int at) {
            return at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_');
        }
    }
}
