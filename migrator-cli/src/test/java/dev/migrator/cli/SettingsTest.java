package dev.migrator.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsTest {
    private static final Password PASSWORD = new Password("p");

    /** Every setting set to something other than its default, so that a setting the builder drops shows. */
    private static Settings.Builder everything() {
        return Settings.builder().command(Command.DIFF).url("jdbc:h2:mem:a").user("u").password(PASSWORD)
                .locations(List.of("filesystem:db")).to("3").count(2).lockTimeout(Duration.ofSeconds(7))
                .schema("s").table("t").installedBy("ci").placeholders(Map.of("k", "v")).outOfOrder(true)
                .driverPath(List.of(Path.of("d.jar"))).json(true).dryRun(true).metricsFile(Path.of("m.prom"))
                .failOnWarning(true).sarif(Path.of("l.sarif")).offline(true).urlB("jdbc:h2:mem:b")
                .againstMigrations(true).pushgateway("http://gw").allowEmpty(true).markApplied("4").reason("r")
                .adoptFrom(new AdoptCommand.From("flyway", "schema_version"));
    }

    @Test
    void toBuilder_keepsEverySetting() {
        Settings settings = everything().build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void withUrl_isTheSameSettingsForTheOtherDatabase() {
        Settings other = everything().build().withUrl("jdbc:h2:mem:b");

        assertThat(other).isEqualTo(everything().url("jdbc:h2:mem:b").urlB(null).againstMigrations(false).build());
        assertThat(other.lockTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(other.placeholders()).containsEntry("k", "v");
    }

    @Test
    void anUnsetBuilderGivesEmptySettings() {
        Settings settings = Settings.builder().command(Command.INFO).build();

        assertThat(settings.url()).isNull();
        assertThat(settings.locations()).isEmpty();
        assertThat(settings.placeholders()).isEmpty();
        assertThat(settings.driverPath()).isEmpty();
        assertThat(settings.json()).isFalse();
    }
}
