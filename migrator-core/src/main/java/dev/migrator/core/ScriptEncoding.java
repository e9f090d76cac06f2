package dev.migrator.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What makes a script's bytes text migrator cannot run, and how to say so: they must be UTF-8 (a leading UTF-8 byte
 * order mark is allowed), with no NUL byte. A script saved as UTF-16 or Latin-1 would otherwise be decoded with
 * replacement characters and applied as {@code caf�}, or sent with NUL bytes that drivers cut or reject half-way
 * through a run. {@link ScriptScan} walks the bytes once and calls these for the problems it meets.
 */
final class ScriptEncoding {

    private ScriptEncoding() {
    }

    /** The problem of a file that starts with a UTF-16 byte order mark, or null. */
    static String utf16Problem(byte[] content) {
        if (content.length >= 2 && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
                || (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE))) {
            return "is saved as UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8";
        }
        return null;
    }

    /** The problem of the first NUL byte, at {@code offset}. */
    static String nulProblem(byte[] content, int offset) {
        return "holds a NUL byte at byte offset " + offset + " (line " + lineOf(content, offset) + "); a script is "
                + "text: save it as UTF-8 (a file saved as UTF-16 without a byte order mark looks like this)";
    }

    /**
     * What is wrong with {@code content} as UTF-8, or null; every byte before {@code firstHigh} is ASCII. Only the
     * part from the first non-ASCII byte on is decoded, strictly ({@link CodingErrorAction#REPORT}); the offsets
     * reported stay the file's.
     */
    static String utf8Problem(byte[] content, int firstHigh) {
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
