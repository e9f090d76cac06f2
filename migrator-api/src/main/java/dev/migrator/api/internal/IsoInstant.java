package dev.migrator.api.internal;

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
        StringBuilder sb = new StringBuilder(30);
        pad(sb, year, 4).append('-');
        pad(sb, month, 2).append('-');
        pad(sb, day, 2).append('T');
        pad(sb, secondOfDay / 3_600, 2).append(':');
        pad(sb, secondOfDay / 60 % 60, 2).append(':');
        pad(sb, secondOfDay % 60, 2);
        int nanos = t.getNano();
        if (nanos > 0) {
            sb.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(sb, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                pad(sb, nanos / 1_000, 6);
            } else {
                pad(sb, nanos, 9);
            }
        }
        return sb.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}
