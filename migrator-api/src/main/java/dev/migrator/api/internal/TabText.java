package dev.migrator.api.internal;

/**
 * The escaping of migrator's tab-separated texts (the engine's snapshot encoding, the targets' stored catalog
 * results): a backslash escapes itself, tab, line feed and carriage return ({@code \\ \t \n \r}), so that a value
 * holds no field or line separator. One rule in one place, since texts written by one release are read by later ones.
 */
public final class TabText {
    private TabText() {
    }

    /** The value escaped; the value itself when it holds nothing to escape (almost every name and definition). */
    public static String escape(String value) {
        if (!needsEscape(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        escape(out, value);
        return out.toString();
    }

    /** Appends the value escaped. */
    public static void escape(StringBuilder out, String value) {
        if (!needsEscape(value)) {
            out.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static boolean needsEscape(String value) {
        return value.indexOf('\\') >= 0 || value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
    }
}
