package dev.migrator.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Liquibase formatted-SQL changelog ({@code -- liquibase formatted sql}), read as Liquibase reads it: each
 * {@code -- changeset author:id} starts a changeset whose SQL runs until the next one; {@code -- rollback ...} lines
 * (and {@code /* liquibase rollback ... *}{@code /} blocks) are its rollback; {@code -- comment:},
 * {@code -- precondition-...}, {@code -- preconditions}, {@code -- validCheckSum:} and {@code -- ignoreLines:} lines
 * belong to neither. migrator runs each changeset as one migration and its rollback as the down.
 */
final class LiquibaseChangelog {
    private static final Pattern FIRST_LINE = Pattern.compile("^\\s*--\\s*liquibase\\s*formatted.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET = Pattern.compile(
            "\\s*--[\\s]*changeset\\s+(\"[^\"]+\"|[^:]+):\\s*(\"[^\"]+\"|\\S+)(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET_LIKE = Pattern.compile("\\s*--[\\s]*changeset\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK = Pattern.compile("\\s*--[\\s]*rollback (.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK_BLOCK_START = Pattern.compile("\\s*/\\*\\s*liquibase\\s*rollback\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** Changeset attributes that change when or where it runs, which migrator does not do: refused, not ignored. */
    private static final Pattern UNSUPPORTED_ATTRIBUTE = Pattern.compile(
            "\\b(runOnChange:true|runAlways:true|dbms:\\S+|context:\\S+|contextFilter:\\S+|labels:\\S+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRECONDITION = Pattern.compile("\\s*--[\\s]*precondition.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_SQL = Pattern.compile(
            "\\s*--[\\s]*(comments?:? |precondition|preconditions|validCheckSum|ignoreLines:|property\\s).*",
            Pattern.CASE_INSENSITIVE);

    /**
     * One changeset.
     *
     * @param author   as written after {@code changeset}
     * @param id       as written after the colon
     * @param line     the line of its {@code -- changeset} header (1-based)
     * @param sql      its SQL, as the lines were written
     * @param rollback its rollback SQL, or null when it has none
     */
    record Changeset(String author, String id, int line, String sql, String rollback) {
        /** Liquibase's checksum, as {@code DATABASECHANGELOG.MD5SUM} holds it ({@code 9:...}). */
        String checksumV9() {
            return LiquibaseChangelog.checksumV9(sql);
        }
    }

    private LiquibaseChangelog() {
    }

    /** Whether a file is a formatted-SQL changelog: its first non-blank line says so. */
    static boolean isFormatted(byte[] content) {
        String text = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (!line.isBlank()) {
                return FIRST_LINE.matcher(line).matches();
            }
        }
        return false;
    }

    /**
     * The changesets of a changelog, in order.
     *
     * @param path     the file, for messages
     * @param problems where a malformed changeset header is reported, naming the file and line
     */
    static List<Changeset> parse(String path, String text, List<String> problems) {
        List<Changeset> changesets = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        String author = null;
        String id = null;
        int headerLine = 0;
        StringBuilder sql = new StringBuilder();
        StringBuilder rollback = null;
        boolean inRollbackBlock = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (inRollbackBlock) {
                int end = line.indexOf("*/");
                rollback.append(end >= 0 ? line.substring(0, end) : line).append('\n');
                inRollbackBlock = end < 0;
                continue;
            }
            Matcher changeset = CHANGESET.matcher(line);
            if (changeset.matches()) {
                if (id != null) {
                    changesets.add(new Changeset(author, id, headerLine, sql.toString(), text(rollback)));
                }
                author = unquote(changeset.group(1).trim());
                id = unquote(changeset.group(2).trim());
                headerLine = i + 1;
                Matcher unsupported = UNSUPPORTED_ATTRIBUTE.matcher(changeset.group(3));
                while (unsupported.find()) {
                    problems.add(path + " line " + (i + 1) + ": changeset " + author + ":" + id + " has "
                            + unsupported.group(1) + ", which migrator does not support (every migration runs once, "
                            + "on every database): remove it, or move the changeset to a migration of its own");
                }
                sql.setLength(0);
                rollback = null;
                continue;
            }
            if (CHANGESET_LIKE.matcher(line).matches()) {
                problems.add(path + " line " + (i + 1) + ": '" + line.trim() + "' is not a changeset header: write "
                        + "-- changeset author:id");
                continue;
            }
            if (id == null) {
                continue; // the header and properties before the first changeset
            }
            Matcher r = ROLLBACK.matcher(line);
            if (r.matches()) {
                rollback = rollback == null ? new StringBuilder() : rollback;
                rollback.append(r.group(1)).append('\n');
                continue;
            }
            if (ROLLBACK_BLOCK_START.matcher(line).matches()) {
                rollback = rollback == null ? new StringBuilder() : rollback;
                inRollbackBlock = true;
                continue;
            }
            if (PRECONDITION.matcher(line).matches()) {
                problems.add(path + " line " + (i + 1) + ": changeset " + author + ":" + id + " has a precondition, "
                        + "which migrator does not evaluate: remove it (migrator runs each migration once, in order)");
                continue;
            }
            if (NOT_SQL.matcher(line).matches()) {
                continue;
            }
            sql.append(line).append('\n');
        }
        if (id != null) {
            changesets.add(new Changeset(author, id, headerLine, sql.toString(), text(rollback)));
        }
        if (changesets.isEmpty()) {
            problems.add(path + " says it is a Liquibase formatted SQL changelog but holds no changeset: add "
                    + "-- changeset author:id lines, or remove the first line");
        }
        return changesets;
    }

    /** A rollback, or null for none; Liquibase's {@code empty} and {@code not required} are a down that does nothing. */
    private static String text(StringBuilder rollback) {
        if (rollback == null) {
            return null;
        }
        String t = rollback.toString().trim();
        String word = t.toLowerCase(Locale.ROOT);
        return word.equals("empty") || word.equals("not required") ? "" : rollback.toString();
    }

    private static String unquote(String s) {
        return s.length() > 1 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /**
     * Liquibase's checksum, version 9, of a changeset holding one SQL change: the MD5 of the SQL without spaces, tabs
     * and line breaks gives the change's checksum {@code 9:<hex>}; the changeset's is the MD5 of that followed by a
     * colon (NFC-normalised, line endings standardised: no-ops on such text), again written {@code 9:<hex>}.
     */
    static String checksumV9(String sql) {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream(sql.length());
        for (byte b : sql.getBytes(StandardCharsets.UTF_8)) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                raw.write(b);
            }
        }
        String change = "9:" + md5(raw.toByteArray());
        String changeset = Normalizer.normalize(change + ":", Normalizer.Form.NFC);
        return "9:" + md5(changeset.getBytes(StandardCharsets.UTF_8));
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
