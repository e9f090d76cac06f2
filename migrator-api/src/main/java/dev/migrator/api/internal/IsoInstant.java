package dev.migrator.api.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An instant as {@link Instant#toString()} writes it ({@code 2026-12-05T23:06:26.068128934Z}: UTC, the fraction in
 * groups of three digits, none when zero), by arithmetic alone. {@code Instant.toString} goes through
 * {@code DateTimeFormatter}, whose first use in a JVM loads and initialises some 40 classes of {@code java.time.format}
 * and {@code java.time.temporal}: a cost every boot paid for the one JSON event of a run with nothing to do.
 */
public final class IsoInstant {
    /** 10000-01-01T00:00:00Z: from there on (and before 1970) {@code Instant.toString} itself is used. */
    private static final long YEAR_10000 = 253_402_300_800L;

    private IsoInstant() {
    }

    public static String of(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            return t.toString();
        }
        long days = seconds / 86_400;
        int secondOfDay = (int) (seconds % 86_400);
        // Days since 1970-01-01 to a civil date (proleptic Gregorian), after H. Hinnant's days_from_civil inverse.
        long z = days + 719_468;
        long era = z / 146_097;
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        // Into one byte buffer, digit by digit, and one Latin-1 string at the end: a run writes an instant for every
        // migration's event, and a padding helper over Long.toString, inlined at each of its seven calls, cost 55 ms
        // of C2 time in a 10,000-migration apply; this costs 13 ms (docs/performance.md, ninth slice).
        byte[] b = new byte[30];
        digits(b, 0, (int) year, 4);
        b[4] = '-';
        digits(b, 5, month, 2);
        b[7] = '-';
        digits(b, 8, day, 2);
        b[10] = 'T';
        digits(b, 11, secondOfDay / 3_600, 2);
        b[13] = ':';
        digits(b, 14, secondOfDay / 60 % 60, 2);
        b[16] = ':';
        digits(b, 17, secondOfDay % 60, 2);
        int n = 19;
        int nanos = t.getNano();
        if (nanos > 0) {
            b[n++] = '.';
            int width = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
            digits(b, n, width == 3 ? nanos / 1_000_000 : width == 6 ? nanos / 1_000 : nanos, width);
            n += width;
        }
        b[n++] = 'Z';
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** {@code value} as exactly {@code width} decimal digits (zero-padded) at {@code at}; it has no more digits. */
    private static void digits(byte[] b, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
