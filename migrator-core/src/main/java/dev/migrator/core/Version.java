package dev.migrator.core;

import dev.migrator.api.ConfigurationException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration version: digits separated by {@code .}, compared numerically part by part. Trailing zero parts do not
 * count, so {@code 1} and {@code 1.0} are the same version (and two files with them clash).
 */
final class Version implements Comparable<Version> {
    private final String text;
    private final List<BigInteger> parts;

    private Version(String text, List<BigInteger> parts) {
        this.text = text;
        this.parts = parts;
    }

    static Version parse(String text) {
        String normalized = text.trim().replace('_', '.');
        if (normalized.isEmpty()) {
            throw new ConfigurationException("A version is empty: write digits separated by '.', such as 2.1");
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : normalized.split("\\.", -1)) {
            if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
                throw new ConfigurationException("'" + text + "' is not a version: write digits separated by '.', such as 2.1");
            }
            parts.add(new BigInteger(part));
        }
        int end = parts.size();
        while (end > 1 && parts.get(end - 1).signum() == 0) {
            end--;
        }
        return new Version(normalized, List.copyOf(parts.subList(0, end)));
    }

    @Override
    public int compareTo(Version other) {
        int n = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && parts.equals(v.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** As written in the file name, with {@code _} read as {@code .}. */
    @Override
    public String toString() {
        return text;
    }
}
