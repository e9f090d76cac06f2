package dev.migrator.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure parts of Flyway's file conventions: callback names, script configuration files, built-in names. */
class FlywayFilesTest {

    @Test
    void callbackNamesAreFlywayEventsSpelledExactly_withOrWithoutADescription() {
        assertThat(Callbacks.eventOf("beforeMigrate")).isEqualTo("beforeMigrate");
        assertThat(Callbacks.eventOf("afterMigrate__grants")).isEqualTo("afterMigrate");
        assertThat(Callbacks.eventOf("afterEachUndoError__notify_ops")).isEqualTo("afterEachUndoError");
        assertThat(Callbacks.eventOf("beforeClean")).as("known, refused later").isEqualTo("beforeClean");
        assertThat(Callbacks.eventOf("BeforeMigrate")).isNull();
        assertThat(Callbacks.eventOf("V1__beforeMigrate")).isNull();
        assertThat(Callbacks.eventOf("R__afterMigrate")).isNull();
        assertThat(Callbacks.eventOf("beforeMigrateX")).isNull();
    }

    @Test
    void aScriptConfigurationFileSaysTransactionAndEncoding() {
        List<String> problems = new ArrayList<>();
        ScriptConfig config = ScriptConfig.parse("V1__x.sql.conf",
                "# comment\n\nexecuteInTransaction = FALSE\r\nencoding=ISO-8859-1\n".getBytes(StandardCharsets.UTF_8),
                problems);

        assertThat(problems).isEmpty();
        assertThat(config.transaction()).isFalse();
        assertThat(new String(config.toUtf8(new byte[]{'Z', 'o', (byte) 0xEB}), StandardCharsets.UTF_8))
                .isEqualTo("Zoë");
    }

    @Test
    void everyBadLineOfAScriptConfigurationFileIsNamed() {
        List<String> problems = new ArrayList<>();
        ScriptConfig config = ScriptConfig.parse("V1__x.sql.conf",
                "executeInTransaction=maybe\nencoding=klingon\nnot a pair\nshouldExecute=true\n"
                        .getBytes(StandardCharsets.UTF_8), problems);

        assertThat(config).isNull();
        assertThat(problems).containsExactly(
                "V1__x.sql.conf line 1: executeInTransaction is 'maybe'; write true or false",
                "V1__x.sql.conf line 2: encoding 'klingon' is not a character set Java knows; write one such as "
                        + "UTF-8 or ISO-8859-1",
                "V1__x.sql.conf line 3: 'not a pair' must read key=value, such as executeInTransaction=false",
                "V1__x.sql.conf line 4: shouldExecute has no migrator equivalent (it is a Flyway Teams feature): "
                        + "remove the line; to run a script only on some databases, keep it in a location that only "
                        + "those databases' configuration lists");
    }

    @Test
    void flywayBuiltInsAreKnownPlaceholders_otherFlywayNamesAreNot() {
        Placeholders placeholders = new Placeholders(Map.of());

        assertThat(placeholders.unknown("SELECT '${flyway:user}', '${flyway:timestamp}', '${flyway:filename}';")
                .isEmpty()).isTrue();
        assertThat(placeholders.unknown("SELECT '${flyway:usr}';").listed()).containsExactly("line 1: ${flyway:usr}");
    }

    @Test
    void aGivenValueWinsOverABuiltIn_andBuiltInsAreLeftAsWrittenWithoutASession() {
        Placeholders placeholders = new Placeholders(Map.of("flyway:user", "given"));

        assertThat(placeholders.replace("'${flyway:user}' '${flyway:table}'")).isEqualTo("'given' '${flyway:table}'");
    }

    @Test
    void aSidecarTransactionBecomesTheScriptsDirective_afterItsLastLine() {
        MigrationSource.Script script = new MigrationSource.Script("V1__x.sql", "db/V1__x.sql",
                "CREATE INDEX i ON t (c);".getBytes(StandardCharsets.UTF_8), false);

        assertThat(script.withDirectives(script.text()))
                .isEqualTo("CREATE INDEX i ON t (c);\n-- migrator:transaction=false\n");
    }
}
