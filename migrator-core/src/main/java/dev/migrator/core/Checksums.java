package dev.migrator.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * Script checksums. A rule never changes once released (golden tests pin each one); a different rule gets a new
 * prefix, and every older prefix stays readable, so an upgrade never invalidates a history. Both rules first
 * normalise the same way: strip a leading byte-order mark, read CRLF and lone CR as LF, change nothing else.
 * <ul>
 * <li>{@code v2:} (recorded since 2026-12-06): CRC32C of the normalised UTF-8 bytes, 8 lower-case hex digits.</li>
 * <li>{@code v1:} (recorded before): SHA-256 of the same bytes, 64 lower-case hex digits.</li>
 * </ul>
 *
 * <p>Why v2 exists: every boot hashes every script in a fresh JVM, where SHA-256 runs in the interpreter until C2
 * compiles it and its first use initialises the JCA providers (about 60 classes); CRC32C is a JDK intrinsic from the
 * first call, in the interpreter too. The checksum is there to notice a script edited after it ran, which CRC32C does
 * (as Flyway's CRC32 does); deliberate tampering is what the SHA-256 chain of {@code migrator.sum}
 * ({@link IntegrityFile}) is for, and it keeps v1.
 *
 * <p>A history written before v2 holds v1 rows: they are compared by computing v1 for those scripts only
 * ({@link #inRuleOf}), so an existing history validates unchanged and only its older rows pay SHA-256.
 *
 * <p>Works on the file's bytes: CR and LF are single bytes in UTF-8, so normalising bytes equals normalising text,
 * and a no-op boot hashes every script without decoding it. One instance reuses its digest; not thread-safe.
 */
final class Checksums {
    static final String V1 = "v1:";
    static final String V2 = "v2:";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest digest;

    Checksums() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The v1 checksum of a text. */
    static String v1(String script) {
        return new Checksums().of(script.getBytes(StandardCharsets.UTF_8));
    }

    /** The v2 checksum of a text. */
    static String v2(String script) {
        return v2(script.getBytes(StandardCharsets.UTF_8));
    }

    /** The v2 checksum of a file's UTF-8 bytes. */
    static String v2(byte[] content) {
        CRC32C crc = new CRC32C();
        int from = startsWithBom(content) ? BOM.length : 0;
        int runStart = from;
        for (int i = from; i < content.length; i++) {
            if (content[i] == '\r') {
                crc.update(content, runStart, i - runStart);
                crc.update('\n');
                if (i + 1 < content.length && content[i + 1] == '\n') {
                    i++;
                }
                runStart = i + 1;
            }
        }
        crc.update(content, runStart, content.length - runStart);
        return v2(crc);
    }

    /**
     * {@code v2:} and the CRC's 8 hex digits. Written by hand rather than with {@link HexFormat} or
     * {@link String#format}: it runs once per script per boot, in the interpreter, and this is a few shifts.
     */
    static String v2(CRC32C crc) {
        int value = (int) crc.getValue();
        char[] out = {'v', '2', ':', 0, 0, 0, 0, 0, 0, 0, 0};
        for (int i = 10; i >= 3; i--) {
            out[i] = HEX[value & 0xF];
            value >>>= 4;
        }
        return new String(out);
    }

    /** The v1 checksum of a file's UTF-8 bytes. */
    String of(byte[] content) {
        int from = startsWithBom(content) ? BOM.length : 0;
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
        return V1 + HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The checksum of {@code m} as found now, in the rule {@code recorded} was written with: {@code m}'s own, unless
     * the history holds a v1 checksum for a script discovery hashed with v2; then v1 of the same bytes. So a row
     * written before v2 is compared like with like, and shown so in messages and {@code info()}.
     */
    static String inRuleOf(String recorded, ResolvedMigration m) {
        String found = m.checksum();
        if (found != null && recorded != null && found.startsWith(V2) && recorded.startsWith(V1)
                && m.up() instanceof MigrationSource.Script script) {
            return new Checksums().of(script.content());
        }
        return found;
    }

    /** Whether {@code m} differs from what was recorded; false when either side has no checksum. */
    static boolean differs(ResolvedMigration m, String recorded) {
        return m.checksum() != null && recorded != null && !recorded.equals(inRuleOf(recorded, m));
    }

    static boolean startsWithBom(byte[] content) {
        return content.length >= 3 && content[0] == BOM[0] && content[1] == BOM[1] && content[2] == BOM[2];
    }
}
