package dev.migrator.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Run ids: a random (version 4) UUID that names one call in logs, history rows and events.
 *
 * <p>Why not {@link UUID#randomUUID()}: it draws from {@code SecureRandom}, whose first use in a JVM loads and
 * initialises the JDK's security providers (about 50 classes, a noticeable part of a no-op boot's CPU, which is the
 * cost every instance of a service pays at every start). A run id must be unique, not unpredictable: it guards
 * nothing, and 122 bits from {@link ThreadLocalRandom} (seeded per JVM from the clocks) do not collide in practice.
 */
final class RunIds {
    private RunIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;                      // version 4
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(most, least).toString();
    }
}
