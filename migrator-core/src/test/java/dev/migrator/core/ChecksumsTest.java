package dev.migrator.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden checksums: these values are stored in users' history tables. If this test fails, a released rule changed and
 * every database migrated before would fail validation after an upgrade (liquibase#4457, flyway#4063). Add a v3
 * instead. v1 (SHA-256) is what histories written before 2026-12-06 hold; v2 (CRC32C) is what is recorded now.
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
    void v2_isPinnedForFixedInputs() {
        assertThat(Checksums.v2("")).isEqualTo("v2:00000000");
        // The CRC-32C check value of the standard (RFC 3720, appendix B.4): the CRC is the Castagnoli one.
        assertThat(Checksums.v2("123456789")).isEqualTo("v2:e3069283");
        assertThat(Checksums.v2("CREATE TABLE t (id INT);\n")).isEqualTo("v2:49847307");
        assertThat(Checksums.v2("Grüße, 世界\r\n")).isEqualTo("v2:ef1c3081");
        assertThat(Checksums.v2("\uFEFFGrüße, 世界\r")).isEqualTo("v2:ef1c3081");
    }

    @Test
    void v2_lineEndingsAndBom_doNotChangeTheChecksum_anythingElseDoes() {
        String lf = "CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n";
        assertThat(Checksums.v2("CREATE TABLE t (id INT);\r\nINSERT INTO t VALUES (1);\r\n")).isEqualTo(Checksums.v2(lf));
        assertThat(Checksums.v2("CREATE TABLE t (id INT);\rINSERT INTO t VALUES (1);\r")).isEqualTo(Checksums.v2(lf));
        assertThat(Checksums.v2("\uFEFF" + lf)).isEqualTo(Checksums.v2(lf));
        assertThat(Checksums.v2("CREATE TABLE t (id INT); INSERT INTO t VALUES (1);\n")).isNotEqualTo(Checksums.v2(lf));
        assertThat(Checksums.v2(lf + " ")).isNotEqualTo(Checksums.v2(lf));
        assertThat(Checksums.v2(lf.replace("1", "2"))).isNotEqualTo(Checksums.v2(lf));
        assertThat(Checksums.v2("\r\n")).isEqualTo(Checksums.v2("\n")).isNotEqualTo(Checksums.v2("\n\n"));
    }

    @Test
    void aV1Row_isComparedInV1_aV2RowInV2() {
        byte[] bytes = "CREATE TABLE t (id INT);\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ResolvedMigration m = new ResolvedMigration(Version.parse("1"), "t", MigrationType.SQL, Checksums.v2(bytes),
                new MigrationSource.Script("V1__t.sql", "db/V1__t.sql", bytes), null);
        String v1 = "v1:1f3fb0035a049af0ffa5671f5739ba073a99aaa6d8cc6a789599c9fd9292821d";
        assertThat(Checksums.inRuleOf(v1, m)).isEqualTo(v1);
        assertThat(Checksums.differs(m, v1)).isFalse();
        assertThat(Checksums.inRuleOf("v2:49847307", m)).isEqualTo("v2:49847307");
        assertThat(Checksums.differs(m, "v2:49847307")).isFalse();
        assertThat(Checksums.differs(m, "v1:" + "0".repeat(64))).isTrue();
        assertThat(Checksums.differs(m, "v2:00000000")).isTrue();
        assertThat(Checksums.differs(m, null)).isFalse();
        // A Java migration's own checksum is compared as it is, whatever it looks like.
        ResolvedMigration java = new ResolvedMigration(Version.parse("2"), "j", MigrationType.JAVA, "v1:mine",
                new MigrationSource.Script("V2__j", "V2__j", new byte[0]), null);
        assertThat(Checksums.differs(java, "v1:mine")).isFalse();
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
