package dev.migrator.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway's line-based CRC-32 (FlywayAdoptionIT checks it against checksums the real Flyway wrote). */
class FlywayChecksumTest {

    private static int of(String text) {
        return FlywayChecksum.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void isTheCrcOfTheLinesWithoutTheirTerminators_asASignedInt() {
        CRC32 crc = new CRC32();
        crc.update("CREATE TABLE t (id INT);".getBytes(StandardCharsets.UTF_8));
        crc.update("-- é".getBytes(StandardCharsets.UTF_8));

        assertThat(of("CREATE TABLE t (id INT);\n-- é\n")).isEqualTo((int) crc.getValue());
    }

    @Test
    void lineEndingsBlankLinesAndALeadingBomDoNotCount_everythingElseDoes() {
        int lf = of("a\nb\n");

        assertThat(of("a\r\nb\r\n")).isEqualTo(lf);
        assertThat(of("a\rb")).isEqualTo(lf);
        assertThat(of("\uFEFFa\n\n\nb")).isEqualTo(lf);
        assertThat(of("a \nb\n")).isNotEqualTo(lf);
        assertThat(of("b\na\n")).isNotEqualTo(lf);
    }

    @Test
    void anEmptyScriptHasTheCrcOfNothing() {
        assertThat(of("")).isZero();
    }
}
