package dev.migrator.api.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantTest {

    @Test
    void writesWhatInstantToStringWrites() {
        for (String s : new String[] {"1970-01-01T00:00:00Z", "2000-02-29T23:59:59.999Z", "2100-03-01T00:00:00.000001Z",
                "2026-12-05T23:06:26.068128934Z", "1999-12-31T23:59:59.100Z", "2024-02-29T12:00:00.000000100Z",
                "9999-12-31T23:59:59.999999999Z", "2026-01-01T00:00:00.010Z"}) {
            assertThat(IsoInstant.of(Instant.parse(s))).isEqualTo(s);
        }
    }

    @Test
    void agreesWithInstantToStringOnManyInstants() {
        SplittableRandom random = new SplittableRandom(20);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(253_402_300_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoInstant.of(t)).isEqualTo(t.toString());
        }
    }

    @Test
    void outsideYears1970To9999FallsBackToInstantToString() {
        Instant before = Instant.parse("1969-12-31T23:59:59.5Z");
        Instant after = Instant.parse("+10000-01-01T00:00:00Z");

        assertThat(IsoInstant.of(before)).isEqualTo("1969-12-31T23:59:59.500Z");
        assertThat(IsoInstant.of(after)).isEqualTo("+10000-01-01T00:00:00Z");
    }
}
