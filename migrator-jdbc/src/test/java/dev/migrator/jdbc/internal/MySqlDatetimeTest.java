package dev.migrator.jdbc.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The history's {@code DATETIME} text read as UTC on MariaDB and MySQL, and what goes to the driver instead. */
class MySqlDatetimeTest {

    @Test
    void readsTheWallTimeAsUtc_withAnyFraction() {
        assertThat(MySqlDialect.datetime("2026-12-07 03:12:09.268")).isEqualTo(Instant.parse("2026-12-07T03:12:09.268Z"));
        assertThat(MySqlDialect.datetime("2026-12-07 03:12:09")).isEqualTo(Instant.parse("2026-12-07T03:12:09Z"));
        assertThat(MySqlDialect.datetime("2026-12-07 03:12:09.000")).isEqualTo(Instant.parse("2026-12-07T03:12:09Z"));
        assertThat(MySqlDialect.datetime("1999-02-28 23:59:59.5")).isEqualTo(Instant.parse("1999-02-28T23:59:59.5Z"));
        assertThat(MySqlDialect.datetime("2024-02-29 00:00:00.123456789"))
                .isEqualTo(Instant.parse("2024-02-29T00:00:00.123456789Z"));
        assertThat(MySqlDialect.datetime("2024-02-29 00:00:00.000001"))
                .isEqualTo(Instant.parse("2024-02-29T00:00:00.000001Z"));
    }

    @Test
    void writesTheUtcWallTime_toTheMicrosecond_andReadsItBack() {
        assertThat(MySqlDialect.datetimeText(Instant.parse("2026-12-07T03:12:09.268999999Z")))
                .isEqualTo("2026-12-07 03:12:09.268999");
        assertThat(MySqlDialect.datetimeText(Instant.parse("2026-07-01T00:00:00Z"))).isEqualTo("2026-07-01 00:00:00");
        assertThat(MySqlDialect.datetimeText(Instant.parse("0999-01-02T03:04:05.000006Z")))
                .isEqualTo("0999-01-02 03:04:05.000006");
        assertThat(MySqlDialect.datetimeText(Instant.parse("2026-07-01T00:00:00.002Z"))).isEqualTo("2026-07-01 00:00:00.002");
        for (String at : new String[] {"2026-12-07T03:12:09.268999Z", "1999-12-31T23:59:59Z", "2024-02-29T12:00:00.5Z"}) {
            assertThat(MySqlDialect.datetime(MySqlDialect.datetimeText(Instant.parse(at)))).isEqualTo(Instant.parse(at));
        }
    }

    /** Zero dates, impossible dates and other shapes are left to the driver's own reading. */
    @Test
    void anythingElse_isLeftToTheDriver() {
        assertThat(MySqlDialect.datetime("0000-00-00 00:00:00")).isNull();
        assertThat(MySqlDialect.datetime("2023-02-29 00:00:00")).isNull();
        assertThat(MySqlDialect.datetime("2026-12-07 03:12:09.")).isNull();
        assertThat(MySqlDialect.datetime("2026-12-07 03:12:09.1234567890")).isNull();
        assertThat(MySqlDialect.datetime("2026-12-07T03:12:09")).isNull();
        assertThat(MySqlDialect.datetime("2026-12-07 03:12")).isNull();
        assertThat(MySqlDialect.datetime("2026-1x-07 03:12:09")).isNull();
        assertThat(MySqlDialect.datetime("-026-12-07 03:12:09")).isNull();
        assertThat(MySqlDialect.datetime("2026-12-07 03:12:09+01")).isNull();
    }
}
