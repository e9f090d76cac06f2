package dev.migrator.jdbc.internal;

import java.nio.charset.StandardCharsets;

/** Stable lock keys: every JVM, of every version, must derive the same key from the same history table. */
final class LockKeys {
    private LockKeys() {
    }

    /** FNV-1a, 64 bits: fixed by its specification, unlike {@code String.hashCode} of a future JDK. */
    static long fnv64(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
