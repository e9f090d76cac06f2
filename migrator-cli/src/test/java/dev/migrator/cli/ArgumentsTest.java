package dev.migrator.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentsTest {
    @Test
    void optionsMayComeBeforeOrAfterTheCommand_inBothSpellings() {
        Arguments args = Arguments.parse(new String[] {"--url=jdbc:h2:mem:a", "rollback", "--count", "2", "--json"});

        assertThat(args.command()).isEqualTo(Command.ROLLBACK);
        assertThat(args.value(Option.URL)).isEqualTo("jdbc:h2:mem:a");
        assertThat(args.value(Option.COUNT)).isEqualTo("2");
        assertThat(args.has(Option.JSON)).isTrue();
    }

    @Test
    void placeholderIsRepeatable_butOtherOptionsAreGivenOnce() {
        Arguments args = Arguments.parse(new String[] {"plan", "--placeholder", "a=1", "--placeholder=b=2"});

        assertThat(args.all(Option.PLACEHOLDER)).containsExactly("a=1", "b=2");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"plan", "--url", "x", "--url", "y"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("--url is given twice");
    }

    @Test
    void passwordFlag_isRefused_andItsValueIsNotRepeated() {
        for (String[] args : List.of(new String[] {"migrate", "--password", "hunter22"},
                new String[] {"migrate", "--password=hunter22"})) {
            assertThatThrownBy(() -> Arguments.parse(args)).isInstanceOf(UsageException.class)
                    .hasMessageContaining("--password-env").hasMessageNotContaining("hunter22");
        }
    }

    @Test
    void commandSpecificOptions_areRefusedByOtherCommands() {
        assertThatThrownBy(() -> Arguments.parse(new String[] {"plan", "--to", "3"}))
                .isInstanceOf(UsageException.class)
                .hasMessage("--to is not an option of plan; it is taken by migrate, rollback, baseline");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"--count", "1", "migrate"}))
                .hasMessageContaining("--count is not an option of migrate; it is taken by rollback");
    }

    @Test
    void unknownCommandsOptionsAndMissingValues_areNamed() {
        assertThatThrownBy(() -> Arguments.parse(new String[] {"upgrade"}))
                .hasMessageContaining("unknown command 'upgrade'");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"info", "--verbose"}))
                .hasMessageContaining("unknown option --verbose");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"info", "-v"}))
                .hasMessageContaining("unknown option -v");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"info", "--url"}))
                .hasMessageContaining("--url needs a value: --url URL");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"info", "--url", "--json"}))
                .hasMessageContaining("--url needs a value");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"info", "--json=yes"}))
                .hasMessageContaining("--json takes no value");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"info", "extra"}))
                .hasMessageContaining("unexpected argument 'extra'");
    }

    @Test
    void usageErrors_rememberTheCommand_forItsHelp() {
        assertThatThrownBy(() -> Arguments.parse(new String[] {"baseline", "--nope"}))
                .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.command()).isEqualTo(Command.BASELINE));
    }
}
