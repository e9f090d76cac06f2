package dev.migrator.api.internal;

/**
 * The one JSON writer of migrator: core's reports and events ({@code JsonReports}, {@code JsonEvents}) and the
 * targets' own events (migrator-jdbc's lock-wait retry) are all written through it, events with the envelope of
 * {@link EcsEvent}. Straight into one buffer, keys in the order written, nothing indented. No JSON library for that:
 * a tree per event cost about 0.4 s of CPU per 1000 migrations in the benchmark, and jackson-databind was about 2 MB
 * on every application's class path for a handful of flat documents.
 *
 * <p>Strings are escaped as Jackson escapes them, so the documents stayed byte for byte what they were: {@code "}
 * and {@code \} with a backslash, {@code \b \t \n \f \r} by name, every other control character as {@code \}{@code
 * u00XX} in upper case, and everything else (non-ASCII, {@code /}) as it is. Not thread-safe: one per document.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out;
    /** Whether the object or array being written needs a comma before its next member. */
    private boolean comma;

    public JsonWriter(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    public JsonWriter() {
        this(256);
    }

    /** Opens an object: the document itself, or a value in an array. */
    public JsonWriter beginObject() {
        separate();
        out.append('{');
        comma = false;
        return this;
    }

    /** Opens an object as the value of {@code key}. */
    public JsonWriter beginObject(String key) {
        key(key).append('{');
        comma = false;
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        comma = true;
        return this;
    }

    /** Opens an array as the value of {@code key}. */
    public JsonWriter beginArray(String key) {
        key(key).append('[');
        comma = false;
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
        comma = true;
        return this;
    }

    /** A string member; {@code null} is written as {@code null}. */
    public JsonWriter field(String key, String value) {
        string(key(key), value);
        return this;
    }

    /** A number member; {@code null} is written as {@code null}. */
    public JsonWriter field(String key, Number value) {
        key(key).append(value == null ? "null" : value.toString());
        return this;
    }

    public JsonWriter field(String key, long value) {
        key(key).append(value);
        return this;
    }

    public JsonWriter field(String key, boolean value) {
        key(key).append(value);
        return this;
    }

    /** An array of strings as the value of {@code key}. */
    public JsonWriter field(String key, Iterable<String> values) {
        beginArray(key);
        for (String v : values) {
            value(v);
        }
        return endArray();
    }

    /**
     * JSON written before, appended as it is: whole members (or values), after a comma where one is due. It may leave
     * an object open for the caller to finish and close: what many documents share is escaped once this way
     * ({@link EcsEvent.Shared}).
     */
    public JsonWriter raw(String json) {
        separate();
        out.append(json);
        return this;
    }

    /** A string in an array. */
    public JsonWriter value(String value) {
        separate();
        string(out, value);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private StringBuilder key(String key) {
        separate();
        string(out, key);
        return out.append(':');
    }

    private void separate() {
        if (comma) {
            out.append(',');
        }
        comma = true;
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        // Most strings need no escape: they are found by a scan and copied whole, where appending them a character at
        // a time (each append checking capacity and coder) was most of the cost of an event line in a cold JVM.
        int n = value.length();
        int i = 0;
        while (i < n) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            i++;
        }
        out.append('"');
        if (i == n) {
            out.append(value).append('"');
            return;
        }
        out.append(value, 0, i);
        for (; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
