package dev.migrator.core;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Flyway's checksum of a script, as {@code flyway_schema_history.checksum} holds it: a CRC-32 fed the script line by
 * line, each line's UTF-8 bytes without its terminator ({@code \n}, {@code \r\n} or a lone {@code \r}), a byte-order
 * mark at the start of the first line dropped; the 32 bits read as a signed {@code int}. So line endings and blank
 * lines do not count, and every other byte does.
 */
final class FlywayChecksum {

    private FlywayChecksum() {
    }

    /** The checksum of a script's bytes (read as UTF-8, Flyway's default encoding). */
    static int of(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CRC32 crc = new CRC32();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                crc.update(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        crc.update(text.substring(start).getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
