package dev.migrator.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Script checksums, version 1. The rule, which must never change for {@code v1} (golden tests pin it):
 * strip a leading byte-order mark, read CRLF and lone CR as LF, change nothing else, then SHA-256 over UTF-8.
 * A different rule gets a new prefix, and old prefixes stay readable, so an upgrade never invalidates a history.
 *
 * <p>Works on the file's bytes: CR and LF are single bytes in UTF-8, so normalising bytes equals normalising text,
 * and a no-op boot hashes every script without decoding it. One instance per discovery reuses its digest; not
 * thread-safe.
 */
final class Checksums {
    static final String V1 = "v1:";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

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

    static boolean startsWithBom(byte[] content) {
        return content.length >= 3 && content[0] == BOM[0] && content[1] == BOM[1] && content[2] == BOM[2];
    }
}
