package dev.migrator.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Script checksums, version 1. The rule, which must never change for {@code v1} (golden tests pin it):
 * strip a leading byte-order mark, read CRLF and lone CR as LF, change nothing else, then SHA-256 over UTF-8.
 * A different rule gets a new prefix, and old prefixes stay readable, so an upgrade never invalidates a history.
 */
final class Checksums {
    static final String V1 = "v1:";

    private Checksums() {
    }

    static String v1(String script) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return V1 + HexFormat.of().formatHex(digest.digest(normalize(script).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    static String normalize(String script) {
        String s = script.startsWith("\uFEFF") ? script.substring(1) : script;
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
