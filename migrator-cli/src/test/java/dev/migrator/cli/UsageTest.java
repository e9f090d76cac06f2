package dev.migrator.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageTest {
    @Test
    void theGeneralHelp_namesEveryCommandAndEveryOption() {
        String help = Usage.of(null);

        for (Command c : Command.values()) {
            assertThat(help).contains("  " + c.word() + " ");
        }
        for (Option o : Option.values()) {
            assertThat(help).contains("  " + o.flag());
        }
        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        // An option name as wide as the column stands on its own line, its help below, not glued to it.
        assertThat(help).contains("  --on-error stop|continue|max=K\n                            Fleets: stop")
                .doesNotContain("max=KFleets");
    }

    @Test
    void aCommandsHelp_listsTheOptionsItTakes_only() {
        assertThat(Usage.of(Command.ROLLBACK)).contains("--to VERSION", "--count N")
                .startsWith("Usage: java -jar migrator-cli.jar rollback --url URL [--to VERSION] [--count N] "
                        + "[--dry-run] [options]").doesNotContain("null");
        assertThat(Usage.of(Command.REPAIR)).contains("[--mark-applied VERSION] [--reason TEXT]");
        assertThat(Usage.of(Command.PLAN)).doesNotContain("--count").doesNotContain("--to VERSION");
        assertThat(Usage.of(Command.BASELINE)).startsWith("Usage: java -jar migrator-cli.jar baseline --url URL "
                + "[--to VERSION] [options]");
    }

    @Test
    void libraryWording_isPutInCommandLineTerms() {
        assertThat(CliTerms.of("run repair() if you undid its changes, or markApplied(\"2\", \"<reason>\") if you "
                + "finished it")).isEqualTo("run migrator repair if you undid its changes, or migrator repair "
                + "--mark-applied 2 --reason \"<reason>\" if you finished it");
        assertThat(CliTerms.of("raise lockTimeout(...); remove it from locations(...); pass it with placeholders(...)"))
                .isEqualTo("raise --lock-timeout; remove it from --locations; pass it with --placeholder NAME=VALUE");
        assertThat(CliTerms.of("allow it with outOfOrder(true); pick one that info() lists; migrateTo(7): no"))
                .isEqualTo("allow it with --out-of-order; pick one that migrator info lists; migrate --to 7: no");
        assertThat(CliTerms.of("held the migration lock for longer than lockTimeout (3 s); nothing was changed"))
                .isEqualTo("held the migration lock for longer than --lock-timeout (3 s); nothing was changed");
        assertThat(CliTerms.of("historyTable: 'H' differs only in case from the existing table 'h'; ... Set "
                + "historyTable to 'h' if that is the history")).isEqualTo("--table: 'H' differs only in case from "
                + "the existing table 'h'; ... Set --table to 'h' if that is the history");
        assertThat(CliTerms.of("installedBy: the value holds a NUL character")).isEqualTo("--installed-by: the "
                + "value holds a NUL character");
        assertThat(CliTerms.of("(3 in all; the first 2 are listed): pass them with placeholders(...), or turn "
                + "placeholderReplacement off")).isEqualTo("(3 in all; the first 2 are listed): pass them with "
                + "--placeholder NAME=VALUE");
    }
}
