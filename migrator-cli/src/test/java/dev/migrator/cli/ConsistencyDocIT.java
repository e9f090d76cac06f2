package dev.migrator.cli;

import dev.migrator.cli.CliJar.Run;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk-through of {@code docs/consistency.md}, run as written against PostgreSQL: each {@code sh} block line by
 * line through a shell (a trailing {@code # exit status N} is the status expected, else 0), each {@code sql} block on
 * the database, and the first {@code text} block after a {@code sh} block as lines its output must contain.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the examples are POSIX shell lines")
class ConsistencyDocIT {
    private static final Pattern EXIT = Pattern.compile("\\s+# exit status (\\d+)$");

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @Test
    void everyExampleRunsAsWritten_andPrintsWhatTheDocSays() throws IOException {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Fixtures.workspace(dir, "shop");
        Files.createSymbolicLink(dir.resolve("migrator-cli.jar"), CliJar.jar().toAbsolutePath());
        Map<String, String> env = Map.of("DB_URL", db.url(), "DB_USER", db.user(), "DB_PASSWORD", db.password());

        List<Block> blocks = blocks();
        assertThat(blocks).extracting(Block::kind).contains("sh", "sql", "text");
        String output = null;
        int commands = 0;
        for (Block block : blocks) {
            switch (block.kind()) {
                case "sh" -> {
                    StringBuilder all = new StringBuilder();
                    for (String line : block.lines()) {
                        Matcher exit = EXIT.matcher(line);
                        int expected = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
                        String command = exit.replaceFirst("");
                        Run run = CliJar.shell(dir, env, command);
                        assertThat(run.exitStatus()).as("%s\n%s", command, run).isEqualTo(expected);
                        all.append(run.output()).append('\n');
                        commands++;
                    }
                    output = all.toString();
                }
                case "sql" -> block.lines().forEach(db::execute);
                case "text" -> {
                    if (output != null) {
                        for (String expected : block.lines()) {
                            assertThat(output).as("the output the doc shows").contains(expected.strip());
                        }
                        output = null;
                    }
                }
                default -> output = null;
            }
        }
        assertThat(commands).isGreaterThanOrEqualTo(10);
    }

    private record Block(String kind, List<String> lines) {
    }

    private static List<Block> blocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        String kind = null;
        List<String> lines = null;
        for (String line : Files.readAllLines(DocumentedKeys.docs().resolve("consistency.md"),
                StandardCharsets.UTF_8)) {
            if (line.startsWith("```") && kind == null) {
                kind = line.substring(3).strip();
                lines = new ArrayList<>();
            } else if (line.startsWith("```")) {
                blocks.add(new Block(kind, lines.stream().filter(l -> !l.isBlank()).map(l -> l.replaceAll(";$", ""))
                        .toList()));
                kind = null;
            } else if (kind != null) {
                lines.add(line);
            }
        }
        return blocks;
    }
}
