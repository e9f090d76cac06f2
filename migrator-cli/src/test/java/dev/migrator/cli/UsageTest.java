package dev.migrator.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageTest {
    @Test
    void theGeneralHelp_namesEveryCommandAndEveryCommonOption() {
        String help = Usage.of(null);

        for (Command c : Command.values()) {
            assertThat(help).contains("  " + c.word() + " ");
        }
        for (Option o : Option.values()) {
            if (!o.commandSpecific()) {
                assertThat(help).contains(o.flag());
            }
        }
        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void aCommandsHelp_listsTheOptionsItTakes_only() {
        assertThat(Usage.of(Command.ROLLBACK)).contains("--to VERSION", "--count N");
        assertThat(Usage.of(Command.PLAN)).doesNotContain("--count").doesNotContain("--to VERSION");
        assertThat(Usage.of(Command.BASELINE)).startsWith("Usage: java -jar migrator-cli.jar baseline --url URL "
                + "[--to VERSION] [options]");
    }
}
