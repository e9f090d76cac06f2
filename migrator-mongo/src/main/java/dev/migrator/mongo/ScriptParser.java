package dev.migrator.mongo;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.internal.Secrets;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.json.JsonReader;

import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a script: a JSON array of command documents. A first pass walks the text to find where each command starts
 * (its line) and ends, and to name the line of a structural mistake; {@code org.bson} then parses each command, with
 * everything the shell's extended JSON allows ({@code {"$date": ...}}, {@code ObjectId("...")}, unquoted keys).
 * Single use: one instance reads one script.
 */
final class ScriptParser {
    private static final String EXAMPLE = "[{\"create\": \"users\"}, {\"drop\": \"legacy\"}]";

    private final String scriptName;
    private final String text;
    private int pos;
    private int line = 1;

    private ScriptParser(String scriptName, String text) {
        this.scriptName = scriptName;
        this.text = text;
    }

    /**
     * The commands of a script, in order.
     *
     * @throws ConfigurationException naming the script, the line and the command's index when it cannot be read
     */
    static List<Command> parse(String scriptName, String text) {
        return new ScriptParser(scriptName, text).commands();
    }

    private List<Command> commands() {
        if (text.startsWith("\uFEFF")) {
            pos = 1;
        }
        skipWhitespace();
        if (pos >= text.length()) {
            throw problem(line, "is empty: a MongoDB script is a JSON array of commands, such as " + EXAMPLE);
        }
        if (text.charAt(pos) != '[') {
            throw problem(line, "a MongoDB script is a JSON array of commands, such as " + EXAMPLE
                    + ", but this one starts with " + snippet());
        }
        int arrayLine = line;
        advance();
        List<Command> commands = new ArrayList<>();
        skipWhitespace();
        if (pos < text.length() && text.charAt(pos) == ']') {
            advance();
            return end(commands);
        }
        while (true) {
            skipWhitespace();
            int index = commands.size();
            if (pos >= text.length()) {
                throw problem(arrayLine, "the array that starts here is never closed with ']'");
            }
            char c = text.charAt(pos);
            if (c == ',' || c == ']') {
                throw problem(line, "the command at index " + index + " is missing: remove the extra ','");
            }
            if (c != '{') {
                throw problem(line, "the element at index " + index + " is not a command document but "
                        + snippet() + ": write each command as a document, such as {\"drop\": \"users\"}");
            }
            int start = pos;
            int startLine = line;
            skipDocument(index);
            commands.add(command(text.substring(start, pos), start, startLine, index));
            skipWhitespace();
            if (pos >= text.length()) {
                throw problem(arrayLine, "the array that starts here is never closed with ']'");
            }
            c = text.charAt(pos);
            if (c == ']') {
                advance();
                return end(commands);
            }
            if (c != ',') {
                throw problem(line, "expected ',' or ']' after the command at index " + index + ", found "
                        + snippet());
            }
            advance();
        }
    }

    private List<Command> end(List<Command> commands) {
        skipWhitespace();
        if (pos < text.length()) {
            throw problem(line, "found " + snippet() + " after the array's closing ']': a script holds one array");
        }
        return commands;
    }

    /** Moves past one balanced {...}, minding strings and regular expressions, which may hold brackets. */
    private void skipDocument(int index) {
        Deque<int[]> open = new ArrayDeque<>(); // {bracket, line}
        int startLine = line;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"' || c == '\'' || c == '/') {
                skipQuoted(c, index);
                continue;
            }
            if (c == '{' || c == '[') {
                open.push(new int[] {c, line});
            } else if (c == '}' || c == ']') {
                int[] top = open.pop();
                char expected = top[0] == '{' ? '}' : ']';
                if (c != expected) {
                    throw problem(line, "the command at index " + index + " has '" + c + "' where '" + expected
                            + "' closes the '" + (char) top[0] + "' of line " + top[1]);
                }
                if (open.isEmpty()) {
                    advance();
                    return;
                }
            }
            advance();
        }
        throw problem(startLine, "the command at index " + index + ", which starts here, is never closed with '}'");
    }

    private void skipQuoted(char quote, int index) {
        int startLine = line;
        advance();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\') {
                advance();
            } else if (c == quote) {
                advance();
                return;
            }
            if (pos < text.length()) {
                advance();
            }
        }
        String what = quote == '/' ? "regular expression" : "string";
        throw problem(startLine, "the command at index " + index + " has a " + what + " that starts here and is "
                + "never closed with " + quote);
    }

    private Command command(String json, int start, int startLine, int index) {
        CountingReader reader = new CountingReader(json);
        BsonDocument document;
        try (JsonReader jsonReader = new JsonReader(reader)) {
            document = new BsonDocumentCodec().decode(jsonReader, DecoderContext.builder().build());
        } catch (RuntimeException e) {
            // The reader has consumed up to the offending character, which locates the mistake within the command.
            int offset = start + Math.max(0, reader.consumed - 1);
            throw new ConfigurationException(scriptName + " line " + lineAt(offset) + ": the command at index "
                    + index + " is not valid JSON (" + Secrets.mask(e.getMessage()) + "); fix the JSON", e);
        }
        if (document.isEmpty()) {
            throw problem(startLine, "the command at index " + index + " is an empty document: name the command "
                    + "as its first field, such as {\"drop\": \"users\"}");
        }
        return Command.of(document, startLine);
    }

    private ConfigurationException problem(int atLine, String what) {
        return new ConfigurationException(scriptName + " line " + atLine + ": " + what);
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            advance();
        }
    }

    /** Moves one character on, counting lines: LF, CRLF and a lone CR each end one. */
    private void advance() {
        char c = text.charAt(pos++);
        if (c == '\n' || c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n')) {
            line++;
        }
    }

    private int lineAt(int offset) {
        int n = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                n++;
            }
        }
        return n;
    }

    private String snippet() {
        String rest = text.substring(pos, Math.min(text.length(), pos + 20)).strip();
        int newline = rest.indexOf('\n');
        return "'" + (newline > 0 ? rest.substring(0, newline).strip() : rest) + "'";
    }

    /** Counts how far the JSON reader got, to find the line of a parse error. */
    private static final class CountingReader extends Reader {
        private final String text;
        private int consumed;

        CountingReader(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (consumed >= text.length()) {
                return -1;
            }
            int n = Math.min(length, text.length() - consumed);
            text.getChars(consumed, consumed + n, buffer, offset);
            consumed += n;
            return n;
        }

        @Override
        public int read() {
            return consumed >= text.length() ? -1 : text.charAt(consumed++);
        }

        @Override
        public void close() {
        }
    }
}
