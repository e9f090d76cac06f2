package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Input that used to be skipped, mangled or slow: each is now read, or refused before anything is written. */
class HostileInputTest {
    private final FakeTarget target = new FakeTarget();

    @TempDir
    Path dir;

    private Migrator.Builder migrator(Path location) {
        return Migrator.builder().target(target).locations("filesystem:" + location);
    }

    @Test
    void aLocationThatIsASymlink_isFollowed() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("V1__One.sql"), "create one");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);

        assertThat(migrator(link).build().migrate().applied()).hasSize(1);
        assertThat(target.applied).containsExactly("create one");
    }

    @Test
    void aScriptThatIsASymlink_isRead() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Path shared = Files.writeString(dir.resolve("shared.sql"), "create shared");
        Files.createSymbolicLink(scripts.resolve("V1__Shared.sql"), shared);

        assertThat(migrator(scripts).build().migrate().applied()).hasSize(1);
        assertThat(target.applied).containsExactly("create shared");
    }

    @Test
    void aLinkBackToAParentFolder_isRefusedNamingIt_notWalkedForever() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts/sub"));
        Files.writeString(scripts.resolve("V1__One.sql"), "create one");
        Files.createSymbolicLink(scripts.resolve("loop"), dir.resolve("scripts"));

        assertThatThrownBy(() -> migrator(dir.resolve("scripts")).build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("loop").hasMessageContaining("cycle");
        assertThat(target.history).isEmpty();
    }

    @Test
    void aBrokenLink_isRefusedNamingIt() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.createSymbolicLink(scripts.resolve("V1__Gone.sql"), dir.resolve("nowhere.sql"));

        assertThatThrownBy(() -> migrator(scripts).build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("V1__Gone.sql").hasMessageContaining("does not exist");
    }

    @Test
    void anUpperCaseSuffix_isReadAsAMigration_withTheChecksumOfItsBytes() throws Exception {
        Files.writeString(dir.resolve("V1__One.sql"), "create one");
        Files.writeString(dir.resolve("V2__Two.SQL"), "create two");

        MigrateResult result = migrator(dir).build().migrate();

        assertThat(result.applied()).hasSize(2);
        assertThat(target.history.get(target.history.size() - 1).checksum())
                .isEqualTo(Checksums.v2("create two"));
    }

    @Test
    void aLocationWithoutMigrations_isReportedWithItsAbsolutePath() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("README.txt"), "nothing here");
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("V1__One.sql"), "create one");

        Migrator m = Migrator.builder().target(target)
                .locations("filesystem:" + empty, "filesystem:" + full).build();

        assertThat(m.emptyLocations()).containsExactly(empty.toAbsolutePath().normalize().toString());
        assertThat(m.migrate().applied()).hasSize(1);
    }

    @Test
    void aVersionLongerThanTheHistoryColumn_isRefusedBeforeAnyWrite() throws Exception {
        String version = "1".repeat(60);
        Files.writeString(dir.resolve("V" + version + "__Long.sql"), "create long");

        assertThatThrownBy(() -> migrator(dir).build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("V" + version + "__Long.sql")
                .hasMessageContaining("60 characters").hasMessageContaining("(50)");
        assertThat(target.history).isEmpty();
    }

    @Test
    void invalidUtf8_isRefusedWithByteOffsetAndLine_notAppliedWithReplacementCharacters() throws Exception {
        byte[] latin1 = "SELECT 1;\nINSERT INTO t VALUES ('café');".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("V1__Latin.sql"), latin1);

        assertThatThrownBy(() -> migrator(dir).build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("V1__Latin.sql").hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("byte offset 36").hasMessageContaining("line 2").hasMessageContaining("0xE9");
        assertThat(target.applied).isEmpty();
        assertThat(target.history).isEmpty();
    }

    @Test
    void utf16WithAByteOrderMark_isRefused() throws Exception {
        Files.write(dir.resolve("V1__Wide.sql"), "SELECT 1;".getBytes(StandardCharsets.UTF_16));

        assertThatThrownBy(() -> migrator(dir).build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("V1__Wide.sql").hasMessageContaining("UTF-16");
    }

    @Test
    void aNulByte_isRefusedWithItsOffset() throws Exception {
        Files.write(dir.resolve("V1__Nul.sql"), "SELECT 1;\n\0SELECT 2;".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> migrator(dir).build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("V1__Nul.sql").hasMessageContaining("NUL byte at byte offset 10")
                .hasMessageContaining("line 2");
    }

    @Test
    void validUtf8AndAUtf8ByteOrderMark_areAccepted() throws Exception {
        Files.write(dir.resolve("V1__Bom.sql"), "\uFEFFcreate café €".getBytes(StandardCharsets.UTF_8));

        migrator(dir).build().migrate();

        assertThat(target.applied).containsExactly("create café €");
    }

    @Test
    @Timeout(10)
    void aMebibyteOfUnknownPlaceholders_isReportedQuickly_withAShortMessage() throws Exception {
        Files.writeString(dir.resolve("V1__Many.sql"), "${v}\n".repeat(200_000));

        assertThatThrownBy(() -> migrator(dir).build().migrate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("line 1: ${v}").hasMessageContaining("line 5: ${v}")
                .hasMessageContaining("199995 more unknown placeholders (200000 in all")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(2_000));
    }

    @Test
    void aNulInASettingThatBecomesAPathOrARow_isAConfigurationErrorNamingTheSetting() {
        assertThatThrownBy(() -> Migrator.builder().target(target).locations("filesystem:/tmp/a\0b").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("locations")
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> Migrator.builder().target(target).installedBy("ci\0job").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("installedBy")
                .hasMessageContaining("NUL");
    }

    @Test
    void aHistoryTableNamedLikeTheLockTable_isRefused() {
        assertThatThrownBy(() -> Migrator.builder().target(target).historyTable("Migrator_Lock").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("historyTable")
                .hasMessageContaining("lock table");
    }

    @Test
    void placeholdersStillWork() throws Exception {
        Files.writeString(dir.resolve("V1__P.sql"), "create ${t}");
        migrator(dir).placeholders(Map.of("t", "x")).build().migrate();
        assertThat(target.applied).containsExactly("create x");
    }
}
