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

/** {@code --config flyway.conf} and {@code --config flyway.toml}: Flyway's settings as migrator's options. */
class FlywayConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void aFlywayConfGivesTheSettingsThatHaveAnEquivalent() throws IOException {
        Path conf = write("flyway.conf", """
                # A Flyway 9 project's file, as it is
                flyway.url=jdbc:postgresql://db:5432/bank
                flyway.user=bank_owner
                flyway.password=s3cret-value
                flyway.locations=filesystem:sql,classpath:db/callbacks
                flyway.schemas=ledger
                flyway.table=flyway_history
                flyway.placeholders.env=prod
                flyway.placeholders.owner=bank_owner
                flyway.outOfOrder=true
                flyway.validateOnMigrate=true
                flyway.lockRetryCount=30
                flyway.installedBy=pipeline
                flyway.cleanDisabled=true
                flyway.driver=org.postgresql.Driver
                """);

        Settings s = read(Map.of(), "migrate", "--config", conf.toString());

        assertThat(s.url()).isEqualTo("jdbc:postgresql://db:5432/bank");
        assertThat(s.user()).isEqualTo("bank_owner");
        assertThat(s.password().reveal()).isEqualTo("s3cret-value");
        assertThat(s.toString()).doesNotContain("s3cret-value");
        assertThat(s.locations()).containsExactly("filesystem:sql", "classpath:db/callbacks");
        assertThat(s.schema()).isEqualTo("ledger");
        assertThat(s.table()).isEqualTo("flyway_history");
        assertThat(s.placeholders()).containsExactlyInAnyOrderEntriesOf(Map.of("env", "prod", "owner", "bank_owner"));
        assertThat(s.outOfOrder()).isTrue();
        assertThat(s.lockTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.installedBy()).isEqualTo("pipeline");
    }

    @Test
    void flagsAndTheEnvironmentStillWinOverTheFile() throws IOException {
        Path conf = write("flyway.conf", "flyway.url=jdbc:h2:mem:file\nflyway.password=from-file\n"
                + "flyway.baselineVersion=5\n");

        Settings s = read(Map.of("MIGRATOR_PASSWORD", "from-env"), "baseline", "--config", conf.toString(),
                "--url", "jdbc:h2:mem:flag");

        assertThat(s.url()).isEqualTo("jdbc:h2:mem:flag");
        assertThat(s.password().reveal()).isEqualTo("from-env");
        assertThat(s.to()).as("flyway.baselineVersion is baseline's --to").isEqualTo("5");
    }

    @Test
    void aFlywayConfReadsEnvironmentVariables_asFlywayDoes() throws IOException {
        Path conf = write("flyway.conf", "flyway.url=jdbc:postgresql://${DB_HOST}:5432/bank\n"
                + "flyway.password=${DB_PASSWORD}\nflyway.user=${DB_USER}\n");

        Settings s = read(Map.of("DB_HOST", "db.internal", "DB_PASSWORD", "env-secret", "DB_USER", "owner"),
                "info", "--config", conf.toString());

        assertThat(s.url()).isEqualTo("jdbc:postgresql://db.internal:5432/bank");
        assertThat(s.password().reveal()).isEqualTo("env-secret");
        assertThatThrownBy(() -> read(Map.of("DB_HOST", "h", "DB_PASSWORD", "p"), "info", "--config",
                conf.toString())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("flyway.conf line 3: flyway.user reads the environment variable DB_USER, which "
                        + "is not set; set it, or write the value");
    }

    @Test
    void aSettingWithoutEquivalentIsRefusedNamingKeyAndLine_withoutRepeatingThePassword() throws IOException {
        Path conf = write("flyway.conf", """
                flyway.url=jdbc:h2:mem:x
                flyway.password=s3cret-value
                flyway.connectRetries=10
                flyway.baselineOnMigrate=true
                flyway.validateOnMigrate=false
                flyway.mixed=true
                """);

        assertThatThrownBy(() -> read(Map.of(), "migrate", "--config", conf.toString()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("flyway.conf line 3: flyway.connectRetries has no migrator equivalent")
                .hasMessageContaining("flyway.conf line 4: flyway.baselineOnMigrate has no migrator equivalent: to "
                        + "take over a database Flyway migrated, run migrator adopt --from flyway")
                .hasMessageContaining("flyway.conf line 5: flyway.validateOnMigrate is 'false', which migrator "
                        + "cannot do: migrator always validates before it migrates")
                .hasMessageContaining("flyway.conf line 6: flyway.mixed has no migrator equivalent")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("s3cret-value"));
    }

    @Test
    void aFlywayTomlGivesTheChosenEnvironmentAndTheFlywaySection() throws IOException {
        Path toml = write("flyway.toml", """
                id = "2a8f7c7e-0000-4000-8000-000000000000"
                name = "bank"
                databaseType = "PostgreSql"

                [environments.default]
                url = "jdbc:h2:mem:default"

                [environments.ci]
                url = "jdbc:postgresql://ci:5432/bank"
                user = "ci_user"
                password = "${env.CI_DB_PASSWORD}"
                schemas = ["ledger"]

                [environments.ci.flyway]
                locations = ["filesystem:ci-only", "filesystem:migrations"]

                [flyway]
                environment = "ci"
                locations = ["filesystem:migrations"]
                table = "flyway_history"
                outOfOrder = true
                validateOnMigrate = true

                [flyway.placeholders]
                env = "ci"

                [flywayDesktop]
                developmentEnvironment = "development"
                """);

        Settings s = read(Map.of("CI_DB_PASSWORD", "t0ml-secret"), "migrate", "--config", toml.toString());

        assertThat(s.url()).isEqualTo("jdbc:postgresql://ci:5432/bank");
        assertThat(s.user()).isEqualTo("ci_user");
        assertThat(s.password().reveal()).isEqualTo("t0ml-secret");
        assertThat(s.schema()).isEqualTo("ledger");
        assertThat(s.locations()).containsExactly("filesystem:ci-only", "filesystem:migrations");
        assertThat(s.table()).isEqualTo("flyway_history");
        assertThat(s.outOfOrder()).isTrue();
        assertThat(s.placeholders()).containsExactlyEntriesOf(Map.of("env", "ci"));
    }

    @Test
    void aTomlSettingWithoutEquivalent_orAMissingEnvironment_isRefusedNamingTheLine() throws IOException {
        Path toml = write("flyway.toml", """
                [environments.default]
                url = "jdbc:h2:mem:x"
                connectRetries = 5

                [flyway]
                locations = ["filesystem:migrations"]
                group = true
                """);

        assertThatThrownBy(() -> read(Map.of(), "migrate", "--config", toml.toString()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("flyway.toml line 3: flyway.connectRetries has no migrator equivalent")
                .hasMessageContaining("flyway.toml line 7: flyway.group has no migrator equivalent");

        Path other = write("other.toml", "[flyway]\nenvironment = \"prod\"\n\n[environments.default]\nurl = \"x\"\n");
        assertThatThrownBy(() -> read(Map.of(), "migrate", "--config", other.toString()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("other.toml line 2: [flyway] environment is 'prod', but there is no "
                        + "[environments.prod]");
    }

    @Test
    void aMigratorConfigFileIsStillReadAsBefore() throws IOException {
        Path conf = write("migrator.conf", "url=jdbc:h2:mem:x\nlocations=filesystem:db\n");

        Settings s = read(Map.of(), "info", "--config", conf.toString());

        assertThat(s.locations()).containsExactly("filesystem:db");
    }

    private static Settings read(Map<String, String> env, String... args) {
        return SettingsReader.read(Arguments.parse(args), env);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
