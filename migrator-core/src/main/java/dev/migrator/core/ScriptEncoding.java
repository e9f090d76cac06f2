package dev.migrator.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks that a script's bytes are text migrator can run: UTF-8 (a leading UTF-8 byte order mark is allowed), no NUL
 * byte. A script saved as UTF-16 or Latin-1 would otherwise be decoded with replacement characters and applied as
 * {@code caf�}, or sent with NUL bytes that drivers cut or reject half-way through a run.
 *
 * <p>Runs on every script on every boot, so plain ASCII is checked by a byte loop and only a script holding other
 * bytes goes through the (strict, {@link CodingErrorAction#REPORT}) decoder.
 */
final class ScriptEncoding {

    private ScriptEncoding() {
    }

    /** What is wrong with {@code content} as a script, with its byte offset and line, or null when it is fine. */
    static String problem(byte[] content) {
        if (content.length >= 2 && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
                || (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE))) {
            return "is saved as UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8";
        }
        int firstHigh = -1;
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            if (b == 0) {
                return "holds a NUL byte at byte offset " + i + " (line " + lineOf(content, i) + "); a script is "
                        + "text: save it as UTF-8 (a file saved as UTF-16 without a byte order mark looks like this)";
            }
            if (b < 0 && firstHigh < 0) {
                firstHigh = i;
            }
        }
        if (firstHigh < 0) {
            return null;
        }
        // Only the part from the first non-ASCII byte on needs decoding; the offsets reported stay the file's.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, firstHigh, content.length - firstHigh);
        CharBuffer out = CharBuffer.allocate(Math.min(8192, content.length));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                int offset = in.position();
                return "is not valid UTF-8: byte offset " + offset + " (line " + lineOf(content, offset) + ") holds "
                        + String.format("0x%02X", content[offset] & 0xFF) + ", which does not start or continue a "
                        + "UTF-8 character; save the file as UTF-8 (it may be Latin-1 or Windows-1252)";
            }
            if (result.isOverflow()) {
                out.clear();
                continue;
            }
            break;
        }
        CoderResult flushed = decoder.flush(out);
        return flushed.isError() ? "is not valid UTF-8: it ends inside a character; save the file as UTF-8" : null;
    }

    private static int lineOf(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
