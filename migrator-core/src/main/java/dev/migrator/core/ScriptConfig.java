package dev.migrator.core;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A Flyway script configuration file: {@code V1__x.sql.conf} beside {@code V1__x.sql}, with lines such as
 * {@code executeInTransaction=false} and {@code encoding=ISO-8859-1}. Read so that a Flyway project's scripts run
 * unchanged; a key migrator has no equivalent for is refused, naming the file and the line, never ignored.
 *
 * @param transaction {@code executeInTransaction}, or null when the file does not say
 * @param encoding    {@code encoding}, or null for UTF-8
 */
record ScriptConfig(Boolean transaction, Charset encoding) {
    static final String SUFFIX = ".conf";

    /**
     * Reads one file.
     *
     * @param path     the file's path, for messages
     * @param content  its bytes (UTF-8 or ASCII, as Flyway reads it)
     * @param problems gathers each bad line, named by path and line
     * @return what it says; null when it had problems
     */
    static ScriptConfig parse(String path, byte[] content, List<String> problems) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Boolean transaction = null;
        Charset encoding = null;
        int before = problems.size();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            String where = path + " line " + (i + 1) + ": ";
            int eq = line.indexOf('=');
            if (eq < 1) {
                problems.add(where + "'" + line + "' must read key=value, such as executeInTransaction=false");
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            switch (key) {
                case "executeInTransaction" -> {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        problems.add(where + "executeInTransaction is '" + value + "'; write true or false");
                    } else {
                        transaction = Boolean.valueOf(value.toLowerCase(Locale.ROOT));
                    }
                }
                case "encoding" -> {
                    try {
                        encoding = Charset.forName(value);
                    } catch (IllegalArgumentException e) {
                        problems.add(where + "encoding '" + value + "' is not a character set Java knows; write one "
                                + "such as UTF-8 or ISO-8859-1");
                    }
                }
                case "shouldExecute" -> problems.add(where + "shouldExecute has no migrator equivalent (it is a "
                        + "Flyway Teams feature): remove the line; to run a script only on some databases, keep it in "
                        + "a location that only those databases' configuration lists");
                default -> problems.add(where + "'" + key + "' is not a script configuration key migrator knows; "
                        + "the keys are executeInTransaction and encoding");
            }
        }
        return problems.size() > before ? null : new ScriptConfig(transaction, encoding);
    }

    /** The script's bytes as UTF-8: re-encoded from the configured encoding, so checksums and checks see UTF-8. */
    byte[] toUtf8(byte[] content) {
        if (encoding == null || encoding.equals(StandardCharsets.UTF_8)) {
            return content;
        }
        return new String(content, encoding).getBytes(StandardCharsets.UTF_8);
    }
}
