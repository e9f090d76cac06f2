package dev.migrator.core;

import dev.migrator.api.ConfigurationException;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A migration version: digits separated by {@code .}, compared numerically part by part. Trailing zero parts do not
 * count, so {@code 1} and {@code 1.0} are the same version (and two files with them clash).
 *
 * <p>Parsed by hand, parts held as {@code long} (a part longer than 18 digits, such as a timestamp with nanoseconds,
 * falls back to {@link BigInteger}), hash computed once: a no-op boot parses and hashes every version, thousands of
 * times per boot on every instance.
 */
final class Version implements Comparable<Version> {
    private final String text;
    /** The parts without trailing zeros; each a Long or a BigInteger. */
    private final Number[] parts;
    private final int hash;

    private Version(String text, Number[] parts) {
        this.text = text;
        this.parts = parts;
        this.hash = Arrays.hashCode(parts);
    }

    static Version parse(String text) {
        String normalized = text.trim().replace('_', '.');
        int n = normalized.length();
        if (n == 0) {
            throw new ConfigurationException("A version is empty: write digits separated by '.', such as 2.1");
        }
        Number[] parts = new Number[1 + count(normalized, '.')];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || normalized.charAt(i) == '.') {
                if (i == start) {
                    throw notAVersion(text);
                }
                parts[part++] = number(normalized, start, i, text);
                start = i + 1;
            }
        }
        int end = parts.length;
        while (end > 1 && isZero(parts[end - 1])) {
            end--;
        }
        return new Version(normalized, end == parts.length ? parts : Arrays.copyOf(parts, end));
    }

    private static Number number(String s, int from, int to, String original) {
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw notAVersion(original);
            }
            if (to - from <= 18) {
                value = value * 10 + (c - '0');
            }
        }
        if (to - from <= 18) {
            return value;
        }
        BigInteger big = new BigInteger(s.substring(from, to));
        return big.bitLength() < 63 ? (Number) big.longValue() : big;
    }

    private static boolean isZero(Number n) {
        return n instanceof Long l ? l == 0 : ((BigInteger) n).signum() == 0;
    }

    private static int count(String s, char c) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }

    private static ConfigurationException notAVersion(String text) {
        return new ConfigurationException("'" + text + "' is not a version: write digits separated by '.', such as 2.1");
    }

    @Override
    public int compareTo(Version other) {
        int n = Math.max(parts.length, other.parts.length);
        for (int i = 0; i < n; i++) {
            Number a = i < parts.length ? parts[i] : 0L;
            Number b = i < other.parts.length ? other.parts[i] : 0L;
            int c = a instanceof Long x && b instanceof Long y ? Long.compare(x, y) : big(a).compareTo(big(b));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static BigInteger big(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && hash == v.hash && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** As written in the file name, with {@code _} read as {@code .}. */
    @Override
    public String toString() {
        return text;
    }
}
