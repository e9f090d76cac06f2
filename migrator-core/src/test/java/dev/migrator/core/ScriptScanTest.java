package dev.migrator.core;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ScriptScan} fuses three passes that discovery used to make over every script. Its results must equal theirs
 * for every input: the checksums are stored in users' histories, and a changed one fails every later boot. The three
 * passes are kept here, frozen as they were, as the reference; the corpus mixes line endings, byte order marks,
 * multi-byte and invalid UTF-8, NUL bytes and placeholder look-alikes, generated from a fixed seed.
 */
class ScriptScanTest {

    private static final byte[][] PIECES = {
        bytes("SELECT 1;"), bytes("a"), bytes(" "), bytes("\n"), bytes("\r\n"), bytes("\r"), bytes("\r\r\n"),
        bytes("${x}"), bytes("$${"), bytes("$"), bytes("{"), bytes("}"), bytes("-- c\n"), bytes("'q'"),
        bytes("é"), bytes("世界"), bytes("😀"), bytes("\uFEFF"),
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {0}, {(byte) 0xE9}, {(byte) 0xC3}, {(byte) 0x80}, {(byte) 0xFF},
        {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xC0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xE4, (byte) 0xB8},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {0x7F}, {0x1F}, {'\t'},
    };

    @Test
    void everyInput_givesTheChecksumProblemAndPlaceholderFlagOfTheThreeFormerPasses() {
        List<byte[]> corpus = new ArrayList<>();
        corpus.add(new byte[0]);
        for (int b = 0; b < 256; b++) {
            corpus.add(new byte[] {(byte) b});
            for (int c = 0; c < 256; c += 17) {
                corpus.add(new byte[] {(byte) b, (byte) c});
                corpus.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) b, (byte) c});
            }
        }
        for (byte[] piece : PIECES) {
            corpus.add(piece);
        }
        Random random = new Random(20);
        for (int i = 0; i < 20_000; i++) {
            corpus.add(generated(random, 1 + random.nextInt(i % 100 == 0 ? 3000 : 12)));
        }
        ScriptScan scan = new ScriptScan();
        Checksums v1 = new Checksums();
        for (byte[] input : corpus) {
            String shown = HexFormat.of().formatHex(input);
            String problem = Former.problem(input);
            assertThat(scan.scan(input, true)).as("problem of %s", shown).isEqualTo(problem);
            if (problem == null) {
                assertThat(scan.checksum()).as("checksum of %s", shown).isEqualTo(Former.checksum(input))
                        .isEqualTo(Checksums.v2(input));
                assertThat(v1.of(input)).as("v1 checksum of %s", shown).isEqualTo(Former.checksumV1(input));
                assertThat(scan.mayHoldPlaceholders()).as("${ in %s", shown)
                        .isEqualTo(Former.mayHoldPlaceholders(input));
            }
            assertThat(scan.scan(input, false)).as("problem of %s, not hashed", shown).isEqualTo(problem);
            assertThat(scan.checksum()).isNull();
        }
    }

    @Test
    void aScanAfterAProblem_startsFromAFreshDigest() {
        ScriptScan scan = new ScriptScan();
        assertThat(scan.scan(bytes("CREATE TABLE t;\r\nINSERT \0"), true)).contains("NUL byte");
        assertThat(scan.scan(bytes("SELECT 1;\r\n\u00e9"), true)).isNull();
        assertThat(scan.scan(bytes("SELECT 1;\r\n\u00e9x"), true)).isNull();
        assertThat(scan.scan(new byte[] {'a', '\r', (byte) 0xE9}, true)).contains("not valid UTF-8");
        assertThat(scan.scan(bytes("CREATE TABLE t (id INT);\n"), true)).isNull();
        assertThat(scan.checksum()).isEqualTo("v2:49847307");
    }

    private static byte[] generated(Random random, int pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int p = 0; p < pieces; p++) {
            if (random.nextInt(8) == 0) {
                out.write(random.nextInt(256));
            } else {
                // Valid text far more often than not, so that most inputs reach the checksum.
                byte[] piece = PIECES[random.nextInt(random.nextInt(4) == 0 ? PIECES.length : 18)];
                out.write(piece, 0, piece.length);
            }
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The three passes as they were before ScriptScan (ScriptEncoding.problem, Script.mayHoldPlaceholders, Checksums.of). */
    private static final class Former {
        /** The v2 rule of {@link Checksums}, written plainly: normalise into a copy, then one CRC32C. */
        static String checksum(byte[] content) {
            java.io.ByteArrayOutputStream normalised = new java.io.ByteArrayOutputStream();
            int from = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
                    && content[2] == (byte) 0xBF ? 3 : 0;
            for (int i = from; i < content.length; i++) {
                if (content[i] == '\r') {
                    normalised.write('\n');
                    if (i + 1 < content.length && content[i + 1] == '\n') {
                        i++;
                    }
                } else {
                    normalised.write(content[i]);
                }
            }
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(normalised.toByteArray());
            return String.format("v2:%08x", crc.getValue());
        }

        /** The v1 rule as Checksums.of had it before ScriptScan, which still computes it for v1 rows. */
        static String checksumV1(byte[] content) {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            int from = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
                    && content[2] == (byte) 0xBF ? 3 : 0;
            int runStart = from;
            for (int i = from; i < content.length; i++) {
                if (content[i] == '\r') {
                    digest.update(content, runStart, i - runStart);
                    digest.update((byte) '\n');
                    if (i + 1 < content.length && content[i + 1] == '\n') {
                        i++;
                    }
                    runStart = i + 1;
                }
            }
            digest.update(content, runStart, content.length - runStart);
            return "v1:" + HexFormat.of().formatHex(digest.digest());
        }

        static boolean mayHoldPlaceholders(byte[] content) {
            for (int i = 0; i + 1 < content.length; i++) {
                if (content[i] == '$' && content[i + 1] == '{') {
                    return true;
                }
            }
            return false;
        }

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
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(content, firstHigh, content.length - firstHigh);
            CharBuffer out = CharBuffer.allocate(Math.min(8192, content.length));
            while (true) {
                CoderResult result = decoder.decode(in, out, true);
                if (result.isError()) {
                    int offset = in.position();
                    return "is not valid UTF-8: byte offset " + offset + " (line " + lineOf(content, offset)
                            + ") holds " + String.format("0x%02X", content[offset] & 0xFF) + ", which does not "
                            + "start or continue a UTF-8 character; save the file as UTF-8 (it may be Latin-1 or "
                            + "Windows-1252)";
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
}
