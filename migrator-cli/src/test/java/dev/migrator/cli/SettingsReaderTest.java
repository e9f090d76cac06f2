package dev.migrator.cli;

import dev.migrator.api.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsReaderTest {
    @TempDir
    Path dir;

    @Test
    void aFlagWinsOverTheEnvironment_whichWinsOverTheConfigFile() throws IOException {
        Path config = config("url=jdbc:h2:mem:file", "user=file-user", "schema=file_schema", "lock-timeout=30",
                "placeholder.a=file", "placeholder.b=file", "placeholder.c=file", "out-of-order=true");
        Map<String, String> env = Map.of("MIGRATOR_URL", "jdbc:h2:mem:env", "MIGRATOR_USER", "env-user",
                "MIGRATOR_PLACEHOLDER_b", "env", "MIGRATOR_PLACEHOLDER_c", "env", "MIGRATOR_LOCK_TIMEOUT", "45");

        Settings s = read(env, "migrate", "--config", config.toString(), "--url", "jdbc:h2:mem:flag",
                "--placeholder", "c=flag");

        assertThat(s.url()).isEqualTo("jdbc:h2:mem:flag");
        assertThat(s.user()).isEqualTo("env-user");
        assertThat(s.schema()).isEqualTo("file_schema");
        assertThat(s.lockTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(s.placeholders()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "file", "b", "env", "c", "flag"));
        assertThat(s.outOfOrder()).isTrue();
    }

    @Test
    void theConfigFileMayBeNamedByTheEnvironment() throws IOException {
        Path config = config("url=jdbc:h2:mem:file", "locations=filesystem:a, classpath:b");

        Settings s = read(Map.of("MIGRATOR_CONFIG", config.toString()), "info");

        assertThat(s.url()).isEqualTo("jdbc:h2:mem:file");
        assertThat(s.locations()).containsExactly("filesystem:a", "classpath:b");
    }

    @Test
    void thePassword_comesFromTheNamedVariable_aFile_orMigratorPassword() throws IOException {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\n", StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("DB_PW", "from-named-var", "MIGRATOR_PASSWORD", "from-default-var");

        assertThat(read(env, "info", "--url", "u", "--password-env", "DB_PW").password().reveal())
                .isEqualTo("from-named-var");
        assertThat(read(env, "info", "--url", "u", "--password-file", file.toString()).password().reveal())
                .isEqualTo("from-file");
        assertThat(read(env, "info", "--url", "u").password().reveal()).isEqualTo("from-default-var");
        assertThat(read(Map.of(), "info", "--url", "u").password()).isNull();
    }

    @Test
    void aPasswordNeverShowsInTheSettingsText() {
        Settings s = read(Map.of("MIGRATOR_PASSWORD", "s3cret-value"), "info", "--url", "u");

        assertThat(s.toString()).doesNotContain("s3cret-value").contains("password=****");
    }

    @Test
    void anUnsetPasswordVariable_orBothSources_areRefused() {
        // The name is never repeated: --password-env "$DB_PASSWORD" would print the password.
        assertThatThrownBy(() -> read(Map.of(), "info", "--url", "u", "--password-env", "S3cret!pw"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("The environment variable named by --password-env is not set")
                .hasMessageNotContaining("S3cret!pw");
        assertThatThrownBy(() -> read(Map.of(), "info", "--url", "u", "--password-file", "S3cret!pw"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("The password file named by --password-file cannot be read")
                .hasMessageNotContaining("S3cret!pw");
        assertThatThrownBy(() -> read(Map.of("X", "y"), "info", "--url", "u", "--password-env", "X",
                "--password-file", "f")).isInstanceOf(UsageException.class).hasMessageContaining("not both");
    }

    @Test
    void aConfigFile_mayNotHoldThePassword_norUnknownKeys() throws IOException {
        Path config = config("url=u", "password=letmein", "colour=blue");

        assertThatThrownBy(() -> read(Map.of(), "info", "--config", config.toString()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("must not hold the password").hasMessageContaining("'colour' is not an option")
                .hasMessageNotContaining("letmein");
    }

    @Test
    void numbersAndBooleans_areChecked_namingWhereTheValueCameFrom() {
        assertThatThrownBy(() -> read(Map.of("MIGRATOR_LOCK_TIMEOUT", "ten"), "migrate", "--url", "u"))
                .isInstanceOf(UsageException.class)
                .hasMessage("MIGRATOR_LOCK_TIMEOUT is 'ten'; it must be a whole number of at least 1");
        assertThatThrownBy(() -> read(Map.of(), "rollback", "--url", "u", "--count", "0"))
                .hasMessageContaining("--count is '0'");
        assertThatThrownBy(() -> read(Map.of("MIGRATOR_JSON", "yes"), "info", "--url", "u"))
                .hasMessageContaining("MIGRATOR_JSON is 'yes'; write true or false");
    }

    @Test
    void rollbackNeedsCountOrTo_andBaselineNeedsTo() {
        assertThatThrownBy(() -> read(Map.of(), "rollback", "--url", "u"))
                .hasMessageContaining("rollback needs exactly one of --count N");
        assertThatThrownBy(() -> read(Map.of(), "rollback", "--url", "u", "--count", "1", "--to", "2"))
                .hasMessageContaining("rollback needs exactly one of --count N");
        assertThatThrownBy(() -> read(Map.of(), "baseline", "--url", "u")).hasMessageContaining("baseline needs --to");
        assertThat(read(Map.of("MIGRATOR_COUNT", "5"), "migrate", "--url", "u").count())
                .as("a command ignores a command-specific setting of the environment").isNull();
    }

    @Test
    void theDriverPath_takesJarsAndDirectoriesOfJars_andRefusesMissingOnes() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.createFile(lib.resolve("b.jar"));
        Files.createFile(lib.resolve("a.jar"));
        Files.createFile(lib.resolve("notes.txt"));
        Path single = Files.createFile(dir.resolve("single.jar"));

        Settings s = read(Map.of(), "info", "--url", "u", "--driver-path", lib + "," + single);

        assertThat(s.driverPath()).containsExactly(lib.resolve("a.jar"), lib.resolve("b.jar"), single);
        assertThatThrownBy(() -> read(Map.of(), "info", "--url", "u", "--driver-path", dir.resolve("none.jar")
                .toString())).isInstanceOf(ConfigurationException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aMissingUrl_saysWhereAUrlMayComeFrom() {
        assertThatThrownBy(() -> read(Map.of(), "validate")).isInstanceOf(UsageException.class)
                .hasMessageContaining("validate needs --url (or MIGRATOR_URL, or url= in --config)");
    }

    private static Settings read(Map<String, String> env, String... args) {
        return SettingsReader.read(Arguments.parse(args), env);
    }

    private Path config(String... lines) throws IOException {
        Path file = dir.resolve("migrator.properties");
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        return file;
    }
}
