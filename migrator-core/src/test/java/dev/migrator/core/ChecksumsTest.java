package dev.migrator.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden checksums: these values are stored in users' history tables. If this test fails, the v1 rule changed and
 * every database migrated before would fail validation after an upgrade (liquibase#4457, flyway#4063). Add a v2
 * instead.
 */
class ChecksumsTest {

    @Test
    void v1_isPinnedForFixedInputs() {
        assertThat(Checksums.v1("")).isEqualTo("v1:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Checksums.v1("CREATE TABLE t (id INT);\n"))
                .isEqualTo("v1:1f3fb0035a049af0ffa5671f5739ba073a99aaa6d8cc6a789599c9fd9292821d");
        assertThat(Checksums.v1("Grüße, 世界\r\n"))
                .isEqualTo("v1:c3ed76464ab0c34f0c6f3b792fbc73384a73ed6c3a0b870ca963957f2d493691");
    }

    @Test
    void lineEndingsAndBom_doNotChangeTheChecksum() {
        String lf = "CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n";
        assertThat(Checksums.v1("CREATE TABLE t (id INT);\r\nINSERT INTO t VALUES (1);\r\n")).isEqualTo(Checksums.v1(lf));
        assertThat(Checksums.v1("CREATE TABLE t (id INT);\rINSERT INTO t VALUES (1);\r")).isEqualTo(Checksums.v1(lf));
        assertThat(Checksums.v1("\uFEFF" + lf)).isEqualTo(Checksums.v1(lf));
    }

    @Test
    void anyOtherChange_changesTheChecksum_evenMovingALineBreak() {
        String a = "CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n";
        assertThat(Checksums.v1("CREATE TABLE t (id INT); INSERT INTO t VALUES (1);\n")).isNotEqualTo(Checksums.v1(a));
        assertThat(Checksums.v1(a + " ")).isNotEqualTo(Checksums.v1(a));
        assertThat(Checksums.v1(a.replace("1", "2"))).isNotEqualTo(Checksums.v1(a));
    }
}
