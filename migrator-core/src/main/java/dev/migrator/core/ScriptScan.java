package dev.migrator.core;

import java.util.zip.CRC32C;

/**
 * The one walk over a script's bytes that discovery makes on every boot: it checks the encoding
 * ({@link ScriptEncoding}), notes whether a {@code ${} occurs (only then are placeholders looked at) and feeds the
 * {@link Checksums v2} CRC with line endings normalised, all in the same loop.
 *
 * <p>Why hand-written: a no-op boot reads every script once in a fresh JVM, so this loop runs in the interpreter and
 * in C1 code for most of the boot, where each separate pass over the bytes (an encoding scan, a {@code ${} scan and a
 * line-ending scan, as before) costs a full walk. Here each byte is looked at once, and the common byte (anything
 * above {@code '$'}: letters, digits, most punctuation) costs one comparison. The CRC is fed runs of the file's own
 * array: no copy and no String per file. Only a script holding non-ASCII bytes is decoded, from its first such byte,
 * by the strict JDK decoder, so that errors keep their exact offsets and wording. The result must stay equal to
 * {@link Checksums#v2(byte[])}, {@link ScriptEncoding} and a plain {@code ${} search for every input ({@code ScriptScanTest}
 * keeps those as its reference): the checksums are in users' histories.
 *
 * <p>One instance per discovery reuses its CRC; the results of the last {@link #scan} are read through
 * {@link #checksum()} and {@link #mayHoldPlaceholders()}. Not thread-safe.
 */
final class ScriptScan {
    private final CRC32C digest = new CRC32C();
    private String checksum;
    private boolean mayHoldPlaceholders;

    /**
     * Scans a script's bytes: what is wrong with them as a script (with byte offset and line), or null when they are
     * fine. With {@code hash}, {@link #checksum()} is then the v2 checksum; otherwise (undo scripts, callbacks) null.
     */
    String scan(byte[] content, boolean hash) {
        checksum = null;
        mayHoldPlaceholders = false;
        digest.reset();
        String utf16 = ScriptEncoding.utf16Problem(content);
        if (utf16 != null) {
            return utf16;
        }
        int n = content.length;
        int from = Checksums.startsWithBom(content) ? 3 : 0;
        int runStart = from;
        int firstHigh = -1;
        boolean dollarBrace = false;
        for (int i = from; i < n; i++) {
            byte b = content[i];
            if (b > '$') {
                continue;
            }
            if (b == '\r') {
                // CRLF and lone CR count as LF (the rule of every version): hash the run before it, then one LF.
                if (hash) {
                    digest.update(content, runStart, i - runStart);
                    digest.update('\n');
                }
                if (i + 1 < n && content[i + 1] == '\n') {
                    i++;
                }
                runStart = i + 1;
            } else if (b == '$') {
                if (i + 1 < n && content[i + 1] == '{') {
                    dollarBrace = true;
                }
            } else if (b < 0) {
                if (firstHigh < 0) {
                    firstHigh = i;
                }
            } else if (b == 0) {
                digest.reset();
                return ScriptEncoding.nulProblem(content, i);
            }
        }
        if (firstHigh >= 0) {
            String utf8 = ScriptEncoding.utf8Problem(content, firstHigh);
            if (utf8 != null) {
                digest.reset();
                return utf8;
            }
        }
        if (hash) {
            digest.update(content, runStart, n - runStart);
            checksum = Checksums.v2(digest);
        }
        mayHoldPlaceholders = dollarBrace;
        return null;
    }

    /** The v2 checksum of the last script scanned with {@code hash}, or null. */
    String checksum() {
        return checksum;
    }

    /** Whether the last script scanned holds {@code ${}, so may hold a placeholder. */
    boolean mayHoldPlaceholders() {
        return mayHoldPlaceholders;
    }
}
