package dev.migrator.core;

import dev.migrator.api.spi.ScriptStatement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * How far a script got before it failed where DDL commits implicitly: how many of its statements stayed committed, a
 * hash of each, and a hash of the statement that failed. Stored in the FAILED row's {@code progress}, so that once the
 * failing statement is fixed (and the committed ones are not touched) the next run resumes at the first statement
 * that did not commit, as Atlas does, instead of needing {@code repair()}.
 *
 * <p>Format, versioned like the checksums: {@code p1;<committed>;<failedIndex>;<hash>,<hash>,...;<failedHash>}, each
 * hash the first 16 hex digits of SHA-256 over the statement's text as run (placeholders replaced).
 *
 * @param committed   how many statements, from the first, are committed
 * @param failedIndex the 0-based index of the statement that failed
 * @param hashes      the hash of each committed statement
 * @param failedHash  the hash of the statement that failed
 */
record StatementProgress(int committed, int failedIndex, List<String> hashes, String failedHash) {
    private static final String VERSION = "p1";

    StatementProgress {
        hashes = List.copyOf(hashes);
    }

    /** The progress of a script whose statement {@code failedIndex} failed with {@code committed} committed. */
    static StatementProgress of(List<ScriptStatement> statements, int committed, int failedIndex) {
        List<String> hashes = new ArrayList<>(committed);
        for (int i = 0; i < committed; i++) {
            hashes.add(hash(statements.get(i).text()));
        }
        return new StatementProgress(committed, failedIndex, hashes, hash(statements.get(failedIndex).text()));
    }

    /** The stored form; null when it would not fit the history's column (a resume then needs a human). */
    String format() {
        String text = VERSION + ";" + committed + ";" + failedIndex + ";" + String.join(",", hashes) + ";" + failedHash;
        return text.length() <= dev.migrator.api.spi.HistoryRecord.Field.PROGRESS.maxLength() ? text : null;
    }

    /** Reads a stored form; null for none or a form this version does not know. */
    static StatementProgress parse(String text) {
        if (text == null || !text.startsWith(VERSION + ";")) {
            return null;
        }
        String[] parts = text.split(";", -1);
        if (parts.length != 5) {
            return null;
        }
        try {
            int committed = Integer.parseInt(parts[1]);
            List<String> hashes = parts[3].isEmpty() ? List.of() : List.of(parts[3].split(","));
            return hashes.size() == committed
                    ? new StatementProgress(committed, Integer.parseInt(parts[2]), hashes, parts[4]) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The first committed statement that differs in {@code statements} now, or -1 when all are unchanged. */
    int firstChangedCommitted(List<ScriptStatement> statements) {
        for (int i = 0; i < committed; i++) {
            if (i >= statements.size() || !hashes.get(i).equals(hash(statements.get(i).text()))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the statement that failed is still as it was (so running it again would fail again). */
    boolean failedUnchanged(List<ScriptStatement> statements) {
        return failedIndex < statements.size() && failedHash.equals(hash(statements.get(failedIndex).text()));
    }

    static String hash(String statement) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(statement.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
