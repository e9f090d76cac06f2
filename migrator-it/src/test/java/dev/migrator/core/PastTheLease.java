package dev.migrator.core;

import java.time.Clock;
import java.time.Duration;

/**
 * For fault tests in other packages: an engine started once the lease of a killed holder has run out, without waiting
 * the 30 s of a real lease. Its clock runs one lease (plus a second) ahead, so the dead holder's lease row, written
 * from the real clock, is already expired when it looks.
 */
public final class PastTheLease {
    private PastTheLease() {
    }

    /** The builder, with a clock one default lease and a second ahead. */
    public static Migrator.Builder engine(Migrator.Builder builder) {
        return builder.clock(Clock.offset(Clock.systemUTC(), Migrator.Builder.DEFAULT_LEASE.plusSeconds(1)));
    }
}
